"""The fixed lists of the engagement app: provinces, report categories and statuses."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.core.provinces import PROVINCES

PROVINCE_CHOICES = [(name, name) for name in PROVINCES]
# The provinces merged on 1 July 2025 (Resolution 202/2025/QH15), by the province they joined:
# a partner system or a citizen still using a former name is understood.
MERGED_INTO = {
    "Tuyên Quang": ["Hà Giang"], "Lào Cai": ["Yên Bái"], "Thái Nguyên": ["Bắc Kạn"],
    "Phú Thọ": ["Vĩnh Phúc", "Hòa Bình"], "Bắc Ninh": ["Bắc Giang"], "Hưng Yên": ["Thái Bình"],
    "Hải Phòng": ["Hải Dương"], "Ninh Bình": ["Hà Nam", "Nam Định"], "Quảng Trị": ["Quảng Bình"],
    "Đà Nẵng": ["Quảng Nam"], "Quảng Ngãi": ["Kon Tum"], "Gia Lai": ["Bình Định"],
    "Khánh Hòa": ["Ninh Thuận"], "Lâm Đồng": ["Đắk Nông", "Bình Thuận"], "Đắk Lắk": ["Phú Yên"],
    "Thành phố Hồ Chí Minh": ["Bình Dương", "Bà Rịa - Vũng Tàu", "Bà Rịa – Vũng Tàu"],
    "Đồng Nai": ["Bình Phước"], "Tây Ninh": ["Long An"], "Cần Thơ": ["Sóc Trăng", "Hậu Giang"],
    "Vĩnh Long": ["Bến Tre", "Trà Vinh"], "Đồng Tháp": ["Tiền Giang"], "Cà Mau": ["Bạc Liêu"],
    "An Giang": ["Kiên Giang"], "Huế": ["Thừa Thiên Huế"],
}  # fmt: skip
FORMER_PROVINCES = {old: new for new, olds in MERGED_INTO.items() for old in olds}


def current_province(name):
    """The province as named today: a former province's name gives the one it joined."""
    name = " ".join(str(name or "").split())
    return FORMER_PROVINCES.get(name, name)


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
