"""A question's optional attachment (a PDF, a photo or a Word .docx), checked by what it is, not
by its name: a PDF's signature, an image Pillow opens, a docx's own parts inside its zip.

It is stored with the report photos outside MEDIA_ROOT under a random name and only a staff view
in the admin serves it (as a download): no public URL, guessable or not, ever reaches it.
Setting: ENGAGEMENT_ATTACHMENT_MAX_BYTES (10 MB).
"""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .photos import check_photo

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "jpg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
}
ACCEPT = ".pdf,.docx,image/jpeg,image/png,image/webp"


def max_bytes():
    return getattr(settings, "ENGAGEMENT_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)


def _is_docx(upload):
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return {"[Content_Types].xml", "word/document.xml"} <= names


def check_attachment(upload):
    """The extension the file really has ("pdf", "docx", "jpg", "png", "webp"), else a
    ValidationError saying why it is refused."""
    limit = max_bytes()
    if upload.size > limit:
        raise ValidationError(
            _("Tệp %(name)s lớn hơn %(size)s MB.")
            % {"name": upload.name, "size": limit // (1024 * 1024)}
        )
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head == b"%PDF-":
        return "pdf"
    if head[:4] == b"PK\x03\x04":
        docx = _is_docx(upload)
        upload.seek(0)
        if docx:
            return "docx"
    else:
        try:
            return check_photo(upload)[0]
        except ValidationError:
            pass
    raise ValidationError(
        _("Tệp %(name)s không phải PDF, ảnh (JPEG, PNG, WebP) hoặc Word (.docx).")
        % {"name": upload.name}
    )
