"""The line schema of `legal` imports (DESIGN §3) and the defaults derived
from it."""

import datetime
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict

from portal.core.identifiers import normalise_document_number
from portal.core.importing import Record
from portal.core.importing.base import NonEmptyStr
from portal.core.weblinks import WebUrlStr

from .models import DocumentKind, RelationType, Validity

NORMATIVE_TYPES = {"Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh", "Nghị định", "Thông tư"}
_YEAR_IN_NUMBER = re.compile(r"/(19|20)\d\d/")
TITLE_LENGTH = 255


class Part(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True, frozen=True)


class ArticleRecord(Part):
    number: NonEmptyStr
    title: str = ""
    text: str = ""


class RelationRecord(Part):
    type: RelationType
    number: NonEmptyStr


class AttachmentRecord(Part):
    title: str = ""
    filename: str = ""
    url: WebUrlStr = ""


class LegalRecord(Record):
    """A key that is absent leaves the stored value alone; a key that is present sets it."""

    kind: Literal["legal"]
    number: NonEmptyStr
    title: NonEmptyStr
    abstract: str = ""
    doc_type: str = ""
    document_kind: DocumentKind | None = None
    issuer: str | None = None
    signer: str | None = None
    signer_title: str | None = None
    issued: datetime.date | None = None
    effective: datetime.date | None = None
    expires: datetime.date | None = None
    status: Validity | None = None
    status_note: str = ""
    fields: list[NonEmptyStr] = []
    text: str = ""
    articles: list[ArticleRecord] = []
    attachments: list[AttachmentRecord] = []
    relations: list[RelationRecord] = []


# The type code inside a document number (68/2020/QH14, 02/2022/TT-BTNMT), checked in order.
_TYPE_CODES = [
    ("TTLT", "Thông tư liên tịch"),
    ("TT", "Thông tư"),
    ("ND", "Nghị định"),
    ("QD", "Quyết định"),
    ("NQ", "Nghị quyết"),
    ("CT", "Chỉ thị"),
    ("TB", "Thông báo"),
    ("KH", "Kế hoạch"),
    ("HD", "Hướng dẫn"),
]
_LAW_CODE = re.compile(r"^QH\d+$")


def doc_type_of(number):
    """The document type a number spells out, for lines that do not give one (DESIGN §3 only
    requires the number and title): `72/2020/QH14` is a Luật, `02/2022/TT-BTNMT` a Thông tư."""
    codes = normalise_document_number(number).split("-")
    for code, doc_type in _TYPE_CODES:
        if code in codes:
            return doc_type
    if any(_LAW_CODE.match(code) for code in codes):
        return "Luật"
    return "Khác"


def document_kind_of(number, doc_type):
    """Normative documents carry the year in their number (68/2020/QH14) or are laws."""
    if doc_type in NORMATIVE_TYPES or _YEAR_IN_NUMBER.search(number):
        return DocumentKind.NORMATIVE
    return DocumentKind.DIRECTION


def split_title(title):
    """A page title fits 255 characters; a longer abstract is cut at a word and kept whole in
    the abstract."""
    if len(title) <= TITLE_LENGTH:
        return title, ""
    return title[: TITLE_LENGTH - 1].rsplit(" ", 1)[0] + "…", title
