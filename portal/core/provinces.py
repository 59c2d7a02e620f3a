"""The 34 provinces and centrally governed cities (from 1 July 2025), in the official order."""

PROVINCES = [
    "Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Thành phố Hồ Chí Minh", "Cần Thơ",
    "An Giang", "Bắc Ninh", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Điện Biên", "Đồng Nai",
    "Đồng Tháp", "Gia Lai", "Hà Tĩnh", "Hưng Yên", "Khánh Hòa", "Lai Châu", "Lâm Đồng",
    "Lạng Sơn", "Lào Cai", "Nghệ An", "Ninh Bình", "Phú Thọ", "Quảng Ngãi", "Quảng Ninh",
    "Quảng Trị", "Sơn La", "Tây Ninh", "Thái Nguyên", "Thanh Hóa", "Tuyên Quang", "Vĩnh Long",
]  # fmt: skip


def province_site(province):
    """The site of the department of this province, or None."""
    from .models import AgencySettings

    settings = AgencySettings.objects.filter(province=province).select_related("site").first()
    return settings.site if settings is not None else None


def site_province(site):
    """The province a provincial department's site serves; "" for the national site (and for a
    site whose settings name no province)."""
    from .models import AgencySettings

    if site is None or site.is_default_site:
        return ""
    province = AgencySettings.objects.filter(site=site).values_list("province", flat=True)
    return province.first() or ""
