"""Personal data, kept apart from what citizens submit so that erasing it leaves the rest."""

from django.db import models


class Contact(models.Model):
    """Who asked or reported (Decree 13/2023/NĐ-CP): only staff ever see it; it is never
    published, served by the API, indexed, logged or put in a feed, and it is deleted when its
    retention period ends or the person asks."""

    name = models.CharField("Họ và tên", max_length=100, blank=True)
    email = models.EmailField("Thư điện tử", max_length=254, blank=True)
    phone = models.CharField("Điện thoại", max_length=20, blank=True)
    address = models.CharField("Địa chỉ liên hệ", max_length=255, blank=True)
    consented_at = models.DateTimeField("Đồng ý xử lý dữ liệu cá nhân lúc", null=True, blank=True)

    class Meta:
        verbose_name = "Thông tin liên hệ"
        verbose_name_plural = "Thông tin liên hệ"

    def __str__(self):
        return f"Liên hệ #{self.pk}"

    def as_dict(self):
        return {
            "name": self.name,
            "email": self.email,
            "phone": self.phone,
            "address": self.address,
            "consented_at": self.consented_at.isoformat() if self.consented_at else None,
        }
