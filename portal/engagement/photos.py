"""Photos of a report, checked by what they are (Pillow opens and verifies them), not by name."""

from PIL import Image, UnidentifiedImageError

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_PHOTOS = 5


def _limits():
    return (
        getattr(settings, "ENGAGEMENT_PHOTO_MAX_BYTES", 5 * 1024 * 1024),
        getattr(settings, "ENGAGEMENT_PHOTO_MAX_PIXELS", 40_000_000),
    )


def check_photo(upload):
    """(extension, width, height) of a valid photo, else a ValidationError saying why."""
    max_bytes, max_pixels = _limits()
    if upload.size > max_bytes:
        raise ValidationError(
            _("Ảnh %(name)s lớn hơn %(size)s MB.")
            % {"name": upload.name, "size": max_bytes // (1024 * 1024)}
        )
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            kind, (width, height) = image.format, image.size
            if width * height > max_pixels:
                raise ValidationError(
                    _("Ảnh %(name)s có quá nhiều điểm ảnh.") % {"name": upload.name}
                )
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError(
            _("Tệp %(name)s không phải ảnh JPEG, PNG hoặc WebP hợp lệ.") % {"name": upload.name}
        ) from None
    finally:
        upload.seek(0)
    if kind not in FORMATS:
        raise ValidationError(
            _("Tệp %(name)s không phải ảnh JPEG, PNG hoặc WebP hợp lệ.") % {"name": upload.name}
        )
    return FORMATS[kind], width, height
