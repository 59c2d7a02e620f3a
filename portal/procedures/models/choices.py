"""The fixed vocabularies of a procedure, as the national procedure database uses them."""

from django.db import models


class Level(models.TextChoices):
    CENTRAL = "central", "Cấp trung ương"
    PROVINCE = "province", "Cấp tỉnh"
    DISTRICT = "district", "Cấp huyện"
    COMMUNE = "commune", "Cấp xã"
    INDUSTRIAL_ZONE = "industrial_zone", "Khu công nghiệp, khu kinh tế"


class Audience(models.TextChoices):
    CITIZEN = "citizen", "Công dân"
    BUSINESS = "business", "Doanh nghiệp, tổ chức"


class ChannelMethod(models.TextChoices):
    DIRECT = "direct", "Trực tiếp"
    ONLINE = "online", "Trực tuyến"
    POSTAL = "postal", "Dịch vụ bưu chính"


class Status(models.TextChoices):
    IN_FORCE = "in_force", "Đang có hiệu lực"
    AMENDED = "amended", "Đã được sửa đổi, bổ sung"
    ABOLISHED = "abolished", "Đã bị bãi bỏ"


class OnlineLevel(models.TextChoices):
    FULL = "full", "Dịch vụ công trực tuyến toàn trình"
    PARTIAL = "partial", "Dịch vụ công trực tuyến một phần"
    NONE = "none", "Chưa cung cấp trực tuyến"
