"""Demo content: natural resources and environment procedures written out in full, with their
forms as real DOCX, ODT and PDF documents. Loading only creates what is missing."""

import json
from pathlib import Path, PurePath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from wagtail.documents import get_document_model
from wagtail.models import Site

from portal.core.demo import import_demo_file
from portal.core.publishing import publish_revision
from portal.core.site_structure import ensure_section

from ..importers import SECTION
from ..models import ProcedureIndexPage
from .form_files import WRITERS

DEMO_FILE = Path(__file__).parent / "procedures.jsonl"
# Hà Nội's and Đà Nẵng's own way of doing some national procedures, and one procedure each
# that only they have; their sites are created by the core demo (portal/core/demo).
LOCAL_FILE = Path(__file__).parent / "local.jsonl"
LOCAL_SITES = ("hanoi.localhost", "danang.localhost")
FORM_FIELDS = [
    "Tên tổ chức, cá nhân đề nghị",
    "Số định danh cá nhân / mã số doanh nghiệp",
    "Địa chỉ liên hệ",
    "Số điện thoại, thư điện tử",
    "Nội dung đề nghị",
    "Tài liệu kèm theo",
    "Ngày ... tháng ... năm ...  Người đề nghị (ký, ghi rõ họ tên)",
]
INTRO = (
    "Danh mục thủ tục hành chính thuộc lĩnh vực tài nguyên và môi trường: hồ sơ cần chuẩn "
    "bị, nơi nộp, thời hạn giải quyết, phí, lệ phí và mẫu đơn, tờ khai để tải về."
)


def demo_forms():
    """{file name: title} of every form the demo procedures attach."""
    forms = {}
    for line in DEMO_FILE.read_text(encoding="utf-8").splitlines():
        for item in json.loads(line).get("dossier", []):
            if item.get("form"):
                forms.setdefault(item["form"], item["name"])
    return forms


def ensure_form_document(filename, title):
    documents = get_document_model().objects
    path = f"documents/{filename}"
    if documents.filter(file=path).exists():
        return False
    document = get_document_model()(title=title)
    if default_storage.exists(path):
        # A file left by an earlier database: it is ours, so point the document at it.
        document.file.name = path
    else:
        extension = PurePath(filename).suffix.lstrip(".")
        content = WRITERS[extension](title, FORM_FIELDS)
        document.file.save(filename, ContentFile(content), save=False)
    document.file_size = document.file.size
    document.save()
    return True


def load():
    forms = demo_forms()
    created = sum(ensure_form_document(name, title) for name, title in forms.items())
    catalogue = ensure_section(ProcedureIndexPage, **SECTION)
    if not catalogue.intro:
        catalogue.intro = INTRO
        publish_revision(catalogue, ["intro"])
    report = import_demo_file(DEMO_FILE)
    return (
        f"danh mục thủ tục, {sum(report.outcomes.values())} thủ tục, "
        f"{created} mẫu đơn mới / {len(forms)}; {load_local()}"
    )


def load_local():
    missing = missing_sites(LOCAL_SITES)
    if missing:
        return f"không có trang {', '.join(missing)}: không tạo thủ tục địa phương"
    report = import_demo_file(LOCAL_FILE)
    return f"{sum(report.outcomes.values())} dòng thủ tục địa phương (Hà Nội, Đà Nẵng)"


def missing_sites(hostnames):
    found = set(Site.objects.filter(hostname__in=hostnames).values_list("hostname", flat=True))
    return [hostname for hostname in hostnames if hostname not in found]
