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


# Vietnamese alphabetical order: letters with their vowel marks (ă, â, đ, ê, ô, ơ, ư) are letters
# of their own, after the plain one; tone marks only break ties, in the order dictionaries use.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_MARKS = {"\u0306": "ă", "\u0302": "â", "\u031b": "ơ"}  # breve, circumflex, horn
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def _letters(text):
    """(letter, tone) pairs of the text, the letter with its vowel mark kept."""
    pairs = []
    for char in unicodedata.normalize("NFD", text.lower()):
        if char in _TONES and pairs:
            pairs[-1] = (pairs[-1][0], _TONES[char])
        elif char in _LETTER_MARKS and pairs:
            base = pairs[-1][0]
            marked = unicodedata.normalize("NFC", base + char)
            pairs[-1] = (marked, pairs[-1][1])
        else:
            pairs.append((char, 0))
    return pairs


def vietnamese_sort_key(text: str):
    """A key that sorts Vietnamese as a dictionary does ("Đất đai" after "Dược", before "Tài
    nguyên nước"), which byte order and most database collations do not."""
    pairs = _letters(text or "")
    primary = tuple(
        (0, _ALPHABET.index(letter)) if letter in _ALPHABET else (1, ord(letter))
        for letter, _ in pairs
    )
    return primary, tuple(tone for _, tone in pairs)
