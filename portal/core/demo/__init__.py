"""Demo content of the core app: the agency, its site settings, home pages and taxonomy, and two
provincial departments' sites (Hà Nội at hanoi.localhost, Đà Nẵng at danang.localhost) that the
other apps' demos fill with local content, finding them by hostname.

`load_demo` calls `load()` of every app's `demo` package. Loading only fills in what is
missing, so running it again never overwrites an editor's changes.
"""

from pathlib import Path

from wagtail.models import Site

from portal.core.agencies import Agency, create_agency_site
from portal.core.importing.runner import ImportRun
from portal.core.models import AgencySettings
from portal.core.publishing import publish_revision
from portal.core.site_structure import ensure_home

DEMO_DIR = Path(__file__).parent

AGENCY = {
    "agency_name": "Bộ Nông nghiệp và Môi trường",
    "agency_name_en": "Ministry of Agriculture and Environment",
    "address": "Số 2 Ngọc Hà, phường Ba Đình, thành phố Hà Nội",
    "address_en": "2 Ngoc Ha Street, Ba Dinh Ward, Hanoi",
    "hotline": "024 3845 9670",
    "email": "portal@mae.gov.vn",
}

# The ministry as it is since 1 March 2025 (the Ministry of Natural Resources and Environment
# and the Ministry of Agriculture and Rural Development merged); older records keep the names
# they were issued under.
INTRO_VI = (
    "Cổng thông tin điện tử của Bộ Nông nghiệp và Môi trường: tin tức, văn bản quy phạm pháp "
    "luật, thủ tục hành chính và dịch vụ công trực tuyến về nông nghiệp, đất đai, tài nguyên "
    "nước, môi trường, địa chất và khoáng sản, khí tượng thủy văn, đo đạc và bản đồ, biển và "
    "hải đảo."
)
INTRO_EN = (
    "The e-portal of the Ministry of Agriculture and Environment: news, legal documents, "
    "administrative procedures and online public services on agriculture, land, water "
    "resources, environment, geology and minerals, hydro-meteorology, surveying and mapping, "
    "and seas and islands."
)


# Browsers resolve *.localhost to the machine itself: `make run` serves both at its port.
PROVINCES = [
    Agency(
        name="Sở Nông nghiệp và Môi trường Hà Nội",
        name_en="Hanoi Department of Agriculture and Environment",
        hostname="hanoi.localhost",
        province="Hà Nội",
        address="Số 18 Huỳnh Thúc Kháng, phường Láng, thành phố Hà Nội",
        hotline="024 3773 1477",
        brand_colour="#1d6b35",
        brand_dark_colour="#12451f",
    ),
    Agency(
        name="Sở Nông nghiệp và Môi trường Đà Nẵng",
        name_en="Da Nang Department of Agriculture and Environment",
        hostname="danang.localhost",
        province="Đà Nẵng",
        address="Tầng 19, Trung tâm Hành chính, 24 Trần Phú, thành phố Đà Nẵng",
        hotline="0236 3822 571",
        brand_colour="#00606b",
        brand_dark_colour="#003f47",
    ),
]


def import_demo_file(path):
    """Import a demo JSON Lines file, creating only what is missing."""
    report = ImportRun(update_existing=False).import_files([path])
    if not report.ok:
        raise ValueError("demo content is invalid:\n" + "\n".join(report.errors))
    return report


def load():
    vietnamese_home = ensure_home("vi")
    english_home = ensure_home("en")
    _fill_blank(vietnamese_home, intro=INTRO_VI, seo_title="Cổng thông tin điện tử Bộ NN&MT")
    _fill_blank(english_home, intro=INTRO_EN, seo_title="MAE e-portal")
    settings = AgencySettings.for_site(Site.objects.get(is_default_site=True))
    if any(not getattr(settings, key) for key in AGENCY):
        for key, value in AGENCY.items():
            setattr(settings, key, getattr(settings, key) or value)
        settings.save()
    import_demo_file(DEMO_DIR / "taxonomy.jsonl")
    for agency in PROVINCES:
        create_agency_site(agency)
    return "trang chủ, thông tin cơ quan, lĩnh vực và cơ quan; trang của Sở Hà Nội, Đà Nẵng"


def _fill_blank(page, **values):
    blank = {key: value for key, value in values.items() if not getattr(page, key)}
    if blank:
        for key, value in blank.items():
            setattr(page, key, value)
        publish_revision(page, sorted(blank))
