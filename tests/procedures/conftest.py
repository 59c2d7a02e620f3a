import pytest

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

from portal.procedures.demo.form_files import docx, pdf
from portal.procedures.factories import procedure_catalogue


@pytest.fixture
def catalogue(home):
    return procedure_catalogue()


@pytest.fixture
def form_document(db):
    """A real DOCX form uploaded as a Wagtail document."""

    def upload(filename="mau-04-dk.docx", content=None):
        document = get_document_model()(title=filename)
        writer = pdf if filename.endswith(".pdf") else docx
        document.file.save(filename, ContentFile(content or writer("Mẫu 04/ĐK", ["Họ tên"])))
        return document

    return upload


@pytest.fixture
def full_line():
    return {
        "kind": "procedure",
        "code": "1.012756",
        "name": "Đăng ký đất đai lần đầu",
        "fields": ["Đất đai"],
        "levels": ["province", "commune"],
        "procedure_type": "Thủ tục hành chính",
        "audiences": ["citizen", "business"],
        "agency": "Văn phòng đăng ký đất đai",
        "competent_agency": "Sở Tài nguyên và Môi trường",
        "receiving_agency": "Ủy ban nhân dân cấp xã",
        "receiving_address": "Bộ phận Một cửa cấp xã",
        "popularity": 4123,
        "steps": ["Nộp hồ sơ tại Bộ phận Một cửa.", "Nhận Giấy chứng nhận."],
        "channels": [
            {"method": "direct", "time": "20 ngày làm việc", "fees": "100.000 đồng"},
            {
                "method": "online",
                "time": "20 ngày làm việc",
                "fees": "50.000 đồng",
                "fee_amount": 50000,
                "url": "https://dichvucong.gov.vn/p/1.012756",
            },
        ],
        "dossier": [
            {
                "name": "Đơn đăng ký (Mẫu 04/ĐK)",
                "originals": 1,
                "copies": 0,
                "form": "mau-04-dk.docx",
            },
            {
                "name": "Giấy tờ về quyền sử dụng đất",
                "originals": 0,
                "copies": 1,
                "required": False,
                "case": "Trường hợp có giấy tờ",
            },
        ],
        "subjects": "Hộ gia đình, cá nhân",
        "requirements": "Đất không có tranh chấp.",
        "result": "Giấy chứng nhận quyền sử dụng đất.",
        "legal_bases": ["31/2024/QH15", "101/2024/NĐ-CP"],
        "decision": "Quyết định số 2124/QĐ-BTNMT",
        "status": "in_force",
        "online_level": "partial",
    }


@pytest.fixture
def provincial_site(home, catalogue):
    """A provincial department's site made with plain Wagtail: a home page beside the national
    one, and its procedure catalogue. `provincial_site("hanoi.localhost", "Hà Nội")`."""
    from wagtail.models import Page, Site

    from portal.core.models import HomePage
    from portal.procedures.models import ProcedureIndexPage

    def make(hostname, name, levels=None):
        site_home = Page.get_first_root_node().add_child(
            instance=HomePage(title=name, slug=hostname.split(".")[0], locale=home.locale)
        )
        site_home.save_revision().publish()
        site = Site.objects.create(hostname=hostname, port=80, root_page=site_home, site_name=name)
        local_catalogue = ProcedureIndexPage(title="Thủ tục hành chính", slug="thu-tuc-hanh-chinh")
        if levels is not None:
            local_catalogue.implemented_levels = levels
        site_home.add_child(instance=local_catalogue)
        local_catalogue.save_revision().publish()
        return site

    return make


@pytest.fixture
def hanoi(provincial_site):
    return provincial_site("hanoi.localhost", "Hà Nội")


@pytest.fixture
def danang(provincial_site):
    return provincial_site("danang.localhost", "Đà Nẵng")


@pytest.fixture
def national_procedure(catalogue):
    """A national procedure every province implements, with one direct and one online way."""
    from portal.procedures.factories import ProcedurePageFactory
    from portal.procedures.models import ProcedureChannel

    page = ProcedurePageFactory(
        code="1.012756",
        name="Đăng ký đất đai lần đầu",
        levels=["province"],
        online_level="partial",
        receiving_address="Bộ phận Một cửa cấp tỉnh",
    )
    page.channels = [
        ProcedureChannel(method="direct", processing_time="20 ngày làm việc", fees="100.000 đồng"),
        ProcedureChannel(
            method="online",
            processing_time="20 ngày làm việc",
            fees="100.000 đồng",
            url="https://dichvucong.gov.vn/p/1.012756",
        ),
    ]
    page.save_revision().publish()
    return page
