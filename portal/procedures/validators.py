"""What a downloadable form (mẫu đơn, tờ khai) may be: a real PDF, Word, ODT or Excel file."""

from pathlib import PurePath

from django.core.exceptions import ValidationError

# Extension -> the first bytes every such file starts with. DOCX, XLSX and ODT are ZIP
# containers; DOC and XLS are OLE2 compound files.
_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
FORM_SIGNATURES = {
    "pdf": b"%PDF-",
    "doc": _OLE2,
    "docx": _ZIP,
    "odt": _ZIP,
    "xls": _OLE2,
    "xlsx": _ZIP,
}
ACCEPTED = "PDF, DOC, DOCX, ODT, XLS, XLSX"


def validate_form_file(name, head):
    """Refuse a file whose extension or content is not an accepted form type."""
    extension = PurePath(name).suffix.lower().lstrip(".")
    signature = FORM_SIGNATURES.get(extension)
    if signature is None:
        raise ValidationError(
            "Tệp “%(name)s” không phải là mẫu đơn được chấp nhận. Chỉ nhận các định dạng: "
            "%(accepted)s.",
            params={"name": PurePath(name).name, "accepted": ACCEPTED},
            code="form_type",
        )
    if not head.startswith(signature):
        raise ValidationError(
            "Nội dung tệp “%(name)s” không đúng định dạng %(extension)s.",
            params={"name": PurePath(name).name, "extension": extension.upper()},
            code="form_content",
        )


def validate_form_document(document):
    try:
        with document.file.open("rb") as handle:
            head = handle.read(8)
    except OSError:
        raise ValidationError("Không đọc được tệp của tài liệu này.", code="form_missing") from None
    validate_form_file(document.file.name, head)
