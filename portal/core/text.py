"""Vietnamese text helpers shared by slugs, imports and lookups."""

import re
import unicodedata

_D_STROKE = str.maketrans({"đ": "d", "Đ": "D"})


def fold(text: str) -> str:
    """Remove tone and vowel marks and turn đ into d: "Đất đai" -> "Dat dai"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_STROKE))
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )


def slugify_vi(text: str, max_length: int = 255) -> str:
    """An ASCII slug that keeps every syllable: "Đất đai" -> "dat-dai"."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")
    return slug[:max_length].rstrip("-")
