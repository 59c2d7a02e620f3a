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
        "agency": "Văn phòng đăng ký đất đai Hà Nội",
        "competent_agency": "Sở Tài nguyên và Môi trường Hà Nội",
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
