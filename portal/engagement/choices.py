"""The fixed lists of the engagement app: provinces, report categories and statuses."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.core.provinces import PROVINCES

PROVINCE_CHOICES = [(name, name) for name in PROVINCES]


class Channel(models.TextChoices):
    WEB = "web", _("Cổng thông tin")
    API = "api", _("Ứng dụng, hệ thống đối tác")
    STAFF = "staff", _("Cán bộ nhập (điện thoại, thư)")


class QuestionStatus(models.TextChoices):
    RECEIVED = "received", _("Đã tiếp nhận")
    ASSIGNED = "assigned", _("Đã chuyển đơn vị trả lời")
    IN_REVIEW = "in_review", _("Đang trình duyệt câu trả lời")
    ANSWERED = "answered", _("Đã trả lời")
    CLOSED = "closed", _("Đã trả lời riêng, không công bố")


class ReportCategory(models.TextChoices):
    WATER = "water", _("Ô nhiễm nguồn nước")
    AIR = "air", _("Ô nhiễm không khí")
    SOIL = "soil", _("Ô nhiễm đất")
    NOISE = "noise", _("Tiếng ồn")
    SAND = "sand", _("Khai thác cát trái phép")
    LAND = "land", _("Đất đai")
    REGULATION = "regulation", _("Quy định hành chính")
    OTHER = "other", _("Khác")


class ReportStatus(models.TextChoices):
    RECEIVED = "received", _("Đã tiếp nhận")
    VERIFIED = "verified", _("Đã xác minh")
    TRANSFERRED = "transferred", _("Đã chuyển cơ quan có thẩm quyền")
    HANDLING = "handling", _("Đang xử lý")
    RESOLVED = "resolved", _("Đã giải quyết")
    REJECTED = "rejected", _("Không tiếp nhận")


# A report in one of these states needs no more work, so it can never be overdue.
REPORT_CLOSED = {ReportStatus.RESOLVED, ReportStatus.REJECTED}
