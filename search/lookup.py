"""Number look-ups: "nghị định 269", "qđ số 2656", "tt 111 năm 2025", "21 TT BTP".

A query made of a document number (whole or partial) and at most a type word, "số", a year and
issuer letters is a look-up: the documents bearing that number answer it, ordered by how much
of the rest they match (year, type, issuer letters), then newest first. The index side gives
each document entry the same parts (`number_parts`).
"""

import re
from dataclasses import dataclass, field

from portal.core.text import fold

# Folded type words and abbreviations -> one type code per document type.
TYPE_CODES = {
    ("quyet", "dinh"): "qd",
    ("qd",): "qd",
    ("nghi", "dinh"): "nd",
    ("nd",): "nd",
    ("thong", "tu", "lien", "tich"): "ttlt",
    ("ttlt",): "ttlt",
    ("thong", "tu"): "tt",
    ("tt",): "tt",
    ("nghi", "quyet", "lien", "tich"): "nqlt",
    ("nqlt",): "nqlt",
    ("nghi", "quyet"): "nq",
    ("nq",): "nq",
    ("cong", "van"): "cv",
    ("cv",): "cv",
    ("cong", "dien"): "cd",
    ("cd",): "cd",
    ("thong", "bao"): "tb",
    ("tb",): "tb",
    ("chi", "thi"): "ct",
    ("ct",): "ct",
    ("van", "ban", "hop", "nhat"): "vbhn",
    ("vbhn",): "vbhn",
    ("phap", "lenh"): "pl",
    ("pl",): "pl",
    ("bo", "luat"): "luat",
    ("luat",): "luat",
    ("hien", "phap"): "hp",
}
# Longest first, so "thông tư liên tịch" wins over "thông tư".
_TYPE_PHRASES = sorted(TYPE_CODES, key=len, reverse=True)
CONNECTORS = {"so", "nam", "ngay", "ky", "hieu", "van", "ban", "ma", "thu", "tuc"}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_WORD = re.compile(r"[^\W_]+")
_YEAR = re.compile(r"^(19[4-9]\d|20\d\d)$")
PROCEDURE_CODE = re.compile(r"^(\d\.\d{6}|[1-3]\d{6})$")
# Issuer letters ("cp", "ttg", "btnmt", "bcđptcnbd"); a Vietnamese syllable has at most 7 letters.
MAX_CODE_LETTERS = 12
MAX_CODE_WORDS = 3


def type_code(doc_type: str) -> str | None:
    """The type code of a document type's name: "Nghị định" -> "nd"."""
    return TYPE_CODES.get(tuple(_WORD.findall(fold(doc_type or "").lower())))


@dataclass
class NumberLookup:
    digits: str  # "269", "66.9"; leading zeros removed
    year: str = ""
    type_code: str = ""
    code_parts: list[str] = field(default_factory=list)  # issuer letters: "cp", "ttg"


def _strip_zeros(digits):
    head, dot, tail = digits.partition(".")
    return (head.lstrip("0") or "0") + dot + tail


def number_lookup(text: str) -> NumberLookup | None:
    """The look-up a query is, or None when it is not (mostly) a document number."""
    folded = fold(text or "").lower()
    numbers = [n.replace(",", ".") for n in _NUMBER.findall(folded)]
    if not numbers:
        return None
    words = _WORD.findall(_NUMBER.sub(" ", folded))
    found_type, rest, i = "", [], 0
    while i < len(words):
        phrase = next((p for p in _TYPE_PHRASES if tuple(words[i : i + len(p)]) == p), None)
        if phrase and not found_type:
            found_type = TYPE_CODES[phrase]
            i += len(phrase)
            continue
        if words[i] not in CONNECTORS:
            rest.append(words[i])
        i += 1
    # Letters glued to digits ("qh14", "nđ312") leave their letters as words too.
    code_parts = [w for w in rest if w.isalpha()]
    if len(code_parts) > MAX_CODE_WORDS or any(len(w) > MAX_CODE_LETTERS for w in code_parts):
        return None
    first = numbers[0]
    if len(numbers) == 1 and _YEAR.match(first) and (code_parts or not found_type):
        return None  # "luật đất đai 2024" names a law by its year, it is not a number
    if not found_type and PROCEDURE_CODE.match(first):
        return None  # a procedure code: the identifier match finds it
    year = next((n for n in numbers[1:] if _YEAR.match(n)), "")
    return NumberLookup(_strip_zeros(first), year, found_type, code_parts)


@dataclass
class NumberParts:
    """What an indexed document offers to look-ups."""

    digits: str = ""
    year: str = ""
    type_codes: list[str] = field(default_factory=list)
    code_parts: list[str] = field(default_factory=list)


_DOCUMENT_NUMBER = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(?:/\s*(\d{4}))?\s*/\s*(.+?)\s*$")


def number_parts(number: str, doc_type: str = "") -> NumberParts | None:
    """ "269/2025/NĐ-CP", "Nghị định" -> 269, 2025, [nd], [nd, cp]."""
    match = _DOCUMENT_NUMBER.match(number or "")
    if not match:
        return None
    code_parts = re.findall(r"[a-z]+", fold(match[3]).lower())
    type_codes = []
    by_type = type_code(doc_type)
    if by_type:
        type_codes.append(by_type)
    if code_parts and (code_parts[0],) in TYPE_CODES and code_parts[0] not in type_codes:
        type_codes.append(code_parts[0])
    return NumberParts(
        digits=_strip_zeros(match[1].replace(",", ".")),
        year=match[2] or "",
        type_codes=type_codes,
        code_parts=code_parts,
    )
