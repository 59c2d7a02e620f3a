"""Demo legal documents of the sector: laws, decrees and circulars with relations (a law that
replaces another, a decree amended by a later one), articles, and PDF attachments.

Loading creates only what is missing, so editors' changes are kept.
"""

from pathlib import Path

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Site

from portal.core.demo import import_demo_file
from portal.legal.attachment_texts import refresh_attachment_texts
from portal.legal.models import LegalAttachment, LegalDocumentPage
from portal.legal.validity import refresh_validity

from .pdf import make_pdf

DEMO_DIR = Path(__file__).parent
# One decision of each provincial People's Committee, both numbered 15/2025/QĐ-UBND: a number
# is unique per site. Their sites are created by the core demo.
LOCAL_SITES = ("hanoi.localhost", "danang.localhost")

PDF_ATTACHMENTS = {
    "31/2024/QH15": [
        "QUOC HOI - Luat so 31/2024/QH15",
        "LUAT DAT DAI",
        "Dieu 1. Pham vi dieu chinh",
        "Luat nay quy dinh ve che do so huu dat dai, quyen han va trach nhiem cua Nha nuoc",
        "dai dien chu so huu toan dan ve dat dai va thong nhat quan ly ve dat dai.",
    ],
    "02/2022/TT-BTNMT": [
        "BO TAI NGUYEN VA MOI TRUONG - So 02/2022/TT-BTNMT",
        "THONG TU quy dinh chi tiet thi hanh mot so dieu cua Luat Bao ve moi truong",
        "Thong tu nay quy dinh chi tiet ve bao cao danh gia tac dong moi truong,",
        "giay phep moi truong va quan trac moi truong.",
    ],
    "05/2025/NĐ-CP": [
        "CHINH PHU - Nghi dinh so 05/2025/ND-CP",
        "Sua doi, bo sung mot so dieu cua Nghi dinh so 08/2022/ND-CP",
        "quy dinh chi tiet mot so dieu cua Luat Bao ve moi truong.",
    ],
}


def load():
    import_demo_file(DEMO_DIR / "documents.jsonl")
    attached = sum(_attach_pdf(number, lines) for number, lines in PDF_ATTACHMENTS.items())
    local = _load_local()
    refresh_validity()
    count = LegalDocumentPage.objects.count()
    return f"{count} văn bản, {attached} tệp PDF mới; {local}"


def _load_local():
    found = set(Site.objects.filter(hostname__in=LOCAL_SITES).values_list("hostname", flat=True))
    missing = [hostname for hostname in LOCAL_SITES if hostname not in found]
    if missing:
        return f"không có trang {', '.join(missing)}: không tạo văn bản địa phương"
    report = import_demo_file(DEMO_DIR / "local.jsonl")
    return f"{sum(report.outcomes.values())} văn bản địa phương (Hà Nội, Đà Nẵng)"


def _attach_pdf(number, lines):
    page = LegalDocumentPage.objects.filter(number=number).first()
    if page is None or page.attachments.exclude(document=None).exists():
        return 0
    filename = page.slug + ".pdf"
    document = get_document_model().objects.create(
        title=f"Toàn văn {page.doc_type} {page.number}",
        file=ContentFile(make_pdf(lines), name=filename),
    )
    LegalAttachment.objects.create(page=page, document=document, title="Toàn văn (PDF)")
    refresh_attachment_texts(page)
    return 1
