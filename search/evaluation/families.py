"""Query families: what journalists, citizens and lawyers type, with the answer they expect.

Every family is generated from the corpus with a fixed seed and split in two by a stable hash
of the query (or, for the legal questions, by line parity): tune on `tune`, report `held_out`.
"""

import json
import random
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

from portal.core.text import fold

from ..analysis import WORD

SEED = 20261130


@dataclass(frozen=True)
class Query:
    text: str
    kind: str  # the `kind` filter sent with it, or "" for a search of everything
    expected: str  # natural key, or NUMBER#ARTICLE for an article


def split(queries):
    """(tune, held_out): a stable half of the queries each, decided by the query text."""
    tune, held_out = [], []
    for query in queries:
        (held_out if zlib.crc32(query.text.encode()) % 2 else tune).append(query)
    return tune, held_out


def read_tsv(path: Path):
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            text, kind, expected = line.split("\t")
            rows.append(Query(text, kind, expected))
    return rows


def read_jsonl(path: Path):
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


# --- Number look-ups ---------------------------------------------------------------------------

# Document type -> (words, abbreviation) people use for it.
TYPE_WORDS = {
    "Quyết định": ("quyết định", "qđ"),
    "Nghị định": ("nghị định", "nđ"),
    "Thông tư": ("thông tư", "tt"),
    "Thông tư liên tịch": ("thông tư liên tịch", "ttlt"),
    "Nghị quyết": ("nghị quyết", "nq"),
    "Công văn": ("công văn", "cv"),
    "Công điện": ("công điện", "cđ"),
    "Thông báo": ("thông báo", "tb"),
    "Chỉ thị": ("chỉ thị", "ct"),
    "Luật": ("luật", "luật"),
    "Văn bản hợp nhất": ("văn bản hợp nhất", "vbhn"),
}
_NUMBER = re.compile(r"^(\d+(?:\.\d+)?)(?:/(\d{4}))?/([A-ZĐa-zđ0-9]+(?:-[A-ZĐa-zđ0-9]+)*)$")


@dataclass(frozen=True)
class Numbered:
    number: str
    doc_type: str
    issued: str  # ISO date or ""
    digits: str
    year: str
    code: str  # "NĐ-CP", "QĐ-TTg", "VPCP-CN"


def parse_number(number, doc_type="", issued=""):
    match = _NUMBER.match(number.strip())
    if not match:
        return None
    return Numbered(number, doc_type or "", issued or "", match[1], match[2] or "", match[3])


def expected_for(candidates, digits, year="", doc_type="", code_parts=()):
    """The rule of the issue: same number (and year, issuer code when given) first; among
    several, the document of the typed type, then the newest."""
    matching = [
        c
        for c in candidates
        if c.digits.lstrip("0") == digits.lstrip("0")
        and (not year or c.year == year)
        and all(part in fold(c.code).lower().split("-") for part in code_parts)
    ]
    if not matching:
        return None
    matching.sort(key=lambda c: (c.doc_type == doc_type, c.issued), reverse=True)
    return matching[0].number


def number_forms(doc: Numbered, rng):
    """(query, year, code parts) in the forms people type, for one document."""
    words, abbreviation = TYPE_WORDS.get(doc.doc_type, ("", ""))
    code_parts = fold(doc.code).lower().split("-")
    forms = []
    if words:
        typed = rng.choice([words, abbreviation])
        forms.append((f"{typed} {doc.digits}", "", ()))
        forms.append((f"{rng.choice([words, abbreviation])} số {doc.digits}", "", ()))
        if doc.year:
            forms.append((f"{typed} {doc.digits}/{doc.year}", doc.year, ()))
            spoken = rng.choice([words, abbreviation])
            forms.append((f"{spoken} {doc.digits} {doc.year}", doc.year, ()))
            forms.append((f"{words} số {doc.digits} năm {doc.year}", doc.year, ()))
        forms.append((f"{words} {doc.number}", doc.year, tuple(code_parts)))
    spaced = " ".join(doc.code.replace("-", " ").split())
    forms.append((f"{doc.digits} {spaced}", "", tuple(code_parts)))
    forms.append((f"{doc.digits}-{doc.code}".lower(), "", tuple(code_parts)))
    forms.append((doc.number.lower(), doc.year, tuple(code_parts)))
    return forms


def number_lookups(metadata_path: Path, loaded: list[Numbered]):
    """Number look-ups generated from legal_metadata.jsonl; the expected document is decided
    by the rule above over every document loaded (so a second 269 of another year counts)."""
    rng = random.Random(SEED)
    queries = []
    for record in read_jsonl(metadata_path):
        doc = parse_number(record["number"], record.get("doc_type"), record.get("issued"))
        if doc is None:
            continue
        for text, year, code_parts in number_forms(doc, rng):
            expected = expected_for(loaded, doc.digits, year, doc.doc_type, code_parts)
            if expected:
                queries.append(Query(text, "", expected))
    return queries


def procedure_code_lookups(procedures):
    rng = random.Random(SEED + 1)
    queries = []
    for record in rng.sample(procedures, min(150, len(procedures))):
        code = record["code"]
        form = rng.choice([code, f"thủ tục {code}", code.replace(".", ""), f"mã {code}"])
        queries.append(Query(form, "", code))
    return queries


# --- Everyday words ----------------------------------------------------------------------------

_PARENTHESES = re.compile(r"\([^)]*\)")
# Where the everyday core of a procedure's name ends: qualifiers citizens leave out.
_QUALIFIER = re.compile(r"[(,;:]| - | đối với | trong trường hợp | tại | cho | thực hiện | theo ")
MAX_CORE_WORDS = 8
# Verbs citizens drop before the object ("giải quyết hưởng trợ cấp" -> "trợ cấp").
LEADING_VERBS = {
    ("cấp",), ("đổi",), ("xóa",), ("nộp",), ("xin",), ("hưởng",),
    ("đăng", "ký"), ("giải", "quyết"), ("cấp", "lại"), ("cấp", "đổi"), ("cấp", "mới"),
    ("thông", "báo"), ("xác", "nhận"), ("công", "nhận"), ("thẩm", "định"), ("phê", "duyệt"),
    ("điều", "chỉnh"), ("gia", "hạn"), ("chấp", "thuận"), ("đề", "nghị"), ("khai", "báo"),
    ("thu", "hồi"), ("sửa", "đổi"), ("cho", "phép"), ("tiếp", "nhận"), ("giải", "thể"),
}  # fmt: skip


def _words(text):
    return WORD.findall(text.lower())


def _contains(words, span):
    n = len(span)
    return any(words[i : i + n] == span for i in range(len(words) - n + 1))


def _core(name):
    """A procedure's name up to its first qualifier: "Cấp hộ chiếu phổ thông ở trong nước
    (thực hiện tại cấp tỉnh)" -> "cấp hộ chiếu phổ thông ở trong nước"."""
    return _words(_QUALIFIER.split(name.lower(), maxsplit=1)[0])


def everyday_queries(procedures, per_procedure=2, top=800):
    """Short queries as citizens type them: the core of a procedure's name, or that core
    without its leading verb ("giải quyết hưởng trợ cấp thất nghiệp" -> "trợ cấp thất
    nghiệp"), kept only where that procedure is the most used of those whose names hold the
    words: what a citizen typing them most likely wants."""
    rng = random.Random(SEED + 2)
    ranked = sorted(procedures, key=lambda p: -(p.get("popularity") or 0))
    names = [(p["code"], [fold(w) for w in _words(p["name"])]) for p in ranked]
    queries = []
    for procedure in ranked[:top]:
        core = _core(procedure["name"])
        candidates = [core]
        verbs = [v for v in LEADING_VERBS if tuple(core[: len(v)]) == v]
        if verbs:
            rest = core[max(len(v) for v in verbs) :]
            candidates.append(rest)
            if rest[:1] == ["hưởng"]:
                candidates.append(rest[1:])
        candidates = [words for words in candidates if 2 <= len(words) <= MAX_CORE_WORDS]
        rng.shuffle(candidates)
        kept = 0
        for words in candidates:
            folded = [fold(w) for w in words]
            owner = next(code for code, name in names if _contains(name, folded))
            if owner != procedure["code"]:
                continue
            queries.append(Query(" ".join(words), "", procedure["code"]))
            kept += 1
            if kept == per_procedure:
                break
    return queries


# Everyday names and abbreviations citizens type for what a procedure's name spells out.
ABBREVIATIONS = {
    "bảo hiểm xã hội": "bhxh",
    "bảo hiểm y tế": "bhyt",
    "bảo hiểm thất nghiệp": "bhtn",
    "thu nhập cá nhân": "tncn",
    "giá trị gia tăng": "gtgt",
    "căn cước công dân": "cccd",
    "chứng minh nhân dân": "cmnd",
    "giấy phép lái xe": "gplx",
    "giấy chứng nhận quyền sử dụng đất": "sổ đỏ",
    "quyền sử dụng đất": "qsdđ",
    "đăng ký kinh doanh": "đkkd",
    "hộ kinh doanh": "hkd",
    "doanh nghiệp": "dn",
    "ủy ban nhân dân": "ubnd",
    "đánh giá tác động môi trường": "đtm",
    "phòng cháy và chữa cháy": "pccc",
    "giấy chứng nhận": "gcn",
}


def abbreviated(queries):
    """The everyday queries whose words hold a phrase citizens abbreviate, abbreviated."""
    out = {}
    for query in queries:
        for phrase, short in ABBREVIATIONS.items():
            if phrase in query.text and query.text != phrase:
                text = query.text.replace(phrase, short)
                # Two names that abbreviate alike leave no one answer: keep neither.
                out[text] = None if text in out else query.expected
                break
    return [Query(text, "", expected) for text, expected in out.items() if expected]


def legal_questions(path: Path):
    """(tune, held_out): odd lines to tune on, even lines to report."""
    rows = read_tsv(path)
    return rows[0::2], rows[1::2]
