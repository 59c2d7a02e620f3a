"""Text of attachment files, for search: PDF through pypdf, DOCX and ODT through their XML.

Legacy binary .doc files have no maintained pure-Python reader; they are flagged for editors
like any file whose text could not be extracted.
"""

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from defusedxml import ElementTree
from pypdf import PdfReader
from pypdf.errors import PyPdfError

# A member larger than this once unzipped is refused rather than read (zip bombs).
MAX_XML_SIZE = 200 * 1024 * 1024

_WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


@dataclass(frozen=True)
class Extracted:
    status: str  # "ok", "empty" (no text layer, e.g. a scan) or "failed"
    text: str = ""
    problem: str = ""  # why no text came out, in Vietnamese for editors


def extract_text(name, data: bytes) -> Extracted:
    extension = Path(name).suffix.lower()
    reader = _READERS.get(extension)
    if reader is None:
        return Extracted(
            "failed", problem=f"Chưa hỗ trợ trích xuất nội dung tệp {extension or 'không đuôi'}."
        )
    try:
        text = reader(data)
    except (PyPdfError, zipfile.BadZipFile, KeyError, ElementTree.ParseError, ValueError) as error:
        return Extracted("failed", problem=f"Tệp hỏng hoặc không đọc được: {error}"[:255])
    text = "\n".join(line.rstrip() for line in text.splitlines()).strip()
    if not text:
        return Extracted("empty", problem="Tệp không chứa chữ (có thể là bản quét).")
    return Extracted("ok", text)


def file_hash(data: bytes):
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()


def _pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _zipped_xml(data, member):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(member)
        if info.file_size > MAX_XML_SIZE:
            raise ValueError(f"{member} is too large once unzipped")
        return ElementTree.fromstring(archive.read(member))


def _docx_text(data):
    body = _zipped_xml(data, "word/document.xml")
    paragraphs = []
    for paragraph in body.iter(f"{_WORD}p"):
        parts = []
        for node in paragraph.iter():
            if node.tag == f"{_WORD}t" and node.text:
                parts.append(node.text)
            elif node.tag == f"{_WORD}tab":
                parts.append("\t")
        paragraphs.append("".join(parts))
    return "\n".join(paragraphs)


def _odt_text(data):
    content = _zipped_xml(data, "content.xml")
    blocks = (f"{_ODF_TEXT}p", f"{_ODF_TEXT}h")
    return "\n".join("".join(node.itertext()) for node in content.iter() if node.tag in blocks)


_READERS = {".pdf": _pdf_text, ".docx": _docx_text, ".odt": _odt_text}
