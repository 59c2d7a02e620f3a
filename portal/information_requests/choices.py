"""The statuses of a request, its delivery forms and the law's grounds for refusing one."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    RECEIVED = "received", _("Đã tiếp nhận")
    CLASSIFIED = "classified", _("Đang giải quyết")
    EXTENDED = "extended", _("Đã gia hạn")
    ANSWERED = "answered", _("Đã cung cấp thông tin")
    REFUSED = "refused", _("Từ chối cung cấp")


CLOSED = (Status.ANSWERED, Status.REFUSED)


class Complexity(models.TextChoices):
    SIMPLE = "simple", _("Thông tin đơn giản, có sẵn")
    COMPLEX = "complex", _("Thông tin phức tạp, không có sẵn")


class Delivery(models.TextChoices):
    EMAIL = "email", _("Gửi tệp qua thư điện tử")
    LINK = "link", _("Chỉ dẫn địa chỉ để tải thông tin")
    POST = "post", _("Gửi qua bưu chính")
    PREMISES = "premises", _("Nhận tại trụ sở cơ quan")


class RefusalGround(models.TextChoices):
    """Law 104/2016/QH13 Art. 28(1): the only grounds on which a request may be refused."""

    SECRET = (
        "art28-1a",
        _("Thông tin công dân không được tiếp cận hoặc chưa đủ điều kiện (Điều 28 khoản 1 điểm a)"),
    )
    DISCLOSED = "art28-1b", _("Thông tin đã được công khai (Điều 28 khoản 1 điểm b)")
    NOT_OURS = "art28-1c", _("Thông tin không thuộc trách nhiệm cung cấp (Điều 28 khoản 1 điểm c)")
    TWICE = (
        "art28-1d",
        _("Thông tin đã được cung cấp hai lần cho người yêu cầu (Điều 28 khoản 1 điểm d)"),
    )
    BEYOND = (
        "art28-1dd",
        _("Yêu cầu vượt quá khả năng đáp ứng của cơ quan (Điều 28 khoản 1 điểm đ)"),
    )
    UNPAID = (
        "art28-1e",
        _("Người yêu cầu không thanh toán chi phí thực tế (Điều 28 khoản 1 điểm e)"),
    )
