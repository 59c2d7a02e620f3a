"""Demo: the organisation page of the ministry and of each provincial department's site. Unit
names follow today's structure; the leaders' names are made up."""

from datetime import date

from wagtail.models import Site

from portal.core.models import AgencySettings
from portal.core.publishing import publish_revision

from ..models import Leader, OrganisationPage, Unit

MINISTRY = {
    "functions": (
        "<p>Bộ Nông nghiệp và Môi trường là cơ quan của Chính phủ, thực hiện chức năng quản lý "
        "nhà nước về nông nghiệp, lâm nghiệp, diêm nghiệp, thủy sản, thủy lợi, phát triển nông "
        "thôn; đất đai, tài nguyên nước, khoáng sản, địa chất, môi trường, khí tượng thủy văn, "
        "biến đổi khí hậu, đo đạc và bản đồ, biển và hải đảo.</p>"
    ),
    "history": (
        "<p>Bộ được thành lập ngày 1 tháng 3 năm 2025 trên cơ sở hợp nhất Bộ Nông nghiệp và "
        "Phát triển nông thôn và Bộ Tài nguyên và Môi trường.</p>"
    ),
    "units": [
        ("Văn phòng Bộ", ""),
        ("Vụ Pháp chế", ""),
        ("Cục Quản lý đất đai", ""),
        ("Cục Thủy lợi", ""),
        ("Cục Môi trường", ""),
        ("Cục Biến đổi khí hậu", ""),
        ("Phòng Kiểm soát ô nhiễm", "Cục Môi trường"),
    ],
    "leaders": [
        ("Lê Minh Khang", "Bộ trưởng", "Lãnh đạo, quản lý chung các lĩnh vực của Bộ."),
        ("Phạm Thu Hà", "Thứ trưởng", "Phụ trách lĩnh vực đất đai, tài nguyên nước."),
    ],
    "former": [("Hoàng Văn Sơn", "Thứ trưởng", date(2025, 3, 1), date(2025, 11, 30))],
}
PROVINCE_UNITS = [
    ("Văn phòng Sở", ""),
    ("Chi cục Thủy lợi", ""),
    ("Chi cục Kiểm lâm", ""),
    ("Chi cục Bảo vệ môi trường", ""),
    ("Trung tâm Quan trắc tài nguyên và môi trường", "Chi cục Bảo vệ môi trường"),
]


def _province(agency_name):
    return {
        "functions": (
            f"<p>{agency_name} là cơ quan chuyên môn thuộc Ủy ban nhân dân cấp tỉnh, tham mưu, "
            "giúp Ủy ban nhân dân quản lý nhà nước về nông nghiệp và môi trường.</p>"
        ),
        "history": (
            "<p>Sở được thành lập năm 2025 trên cơ sở hợp nhất Sở Nông nghiệp và Phát triển "
            "nông thôn và Sở Tài nguyên và Môi trường.</p>"
        ),
        "units": PROVINCE_UNITS,
        "leaders": [
            ("Đặng Quốc Bảo", "Giám đốc Sở", "Phụ trách chung, công tác tổ chức cán bộ."),
            ("Vũ Thị Lan", "Phó Giám đốc Sở", "Phụ trách lĩnh vực môi trường, đất đai."),
        ],
        "former": [],
    }


def _page(data):
    former = [
        Leader(name=name, title=title, term_start=start, term_end=end)
        for name, title, start, end in data["former"]
    ]
    return OrganisationPage(
        title="Cơ cấu tổ chức",
        slug="co-cau-to-chuc",
        functions=data["functions"],
        history=data["history"],
        units=[Unit(name=name, parent_name=parent) for name, parent in data["units"]],
        leaders=[
            Leader(name=name, title=title, duties=duties) for name, title, duties in data["leaders"]
        ]
        + former,
    )


def load():
    created = 0
    for site in Site.objects.select_related("root_page").order_by("-is_default_site", "id"):
        home = site.root_page
        if OrganisationPage.objects.child_of(home).exists():
            continue
        if site.is_default_site:
            data = MINISTRY
        else:
            data = _province(AgencySettings.for_site(site).name_for("vi") or site.site_name)
        page = home.add_child(instance=_page(data))
        publish_revision(page, created=True)
        created += 1
    return f"{created} organisation pages"
