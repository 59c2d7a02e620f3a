"""Natural keys as people type them: document numbers in any spelling, procedure codes."""

import re

from .text import fold

# The largest id both databases store (a signed 64-bit integer): a larger number in an address
# or a form names nothing, and SQLite raises OverflowError when asked for it.
LARGEST_ID = 2**63 - 1
_TOKEN = re.compile(r"[A-Z0-9]+")
_PROCEDURE_CODE = re.compile(r"^\s*(\d+)\s*[.,]\s*(\d{3,})\s*$")


def normalise_document_number(number: str) -> str:
    """One form for every spelling of a document number, for lookups and uniqueness.

    `2499/QĐ-BTNMT`, `2499/qd-btnmt` and `2499 QĐ BTNMT` all become `2499-QD-BTNMT`;
    `68/2020/QH14` becomes `68-2020-QH14`.
    """
    return "-".join(_TOKEN.findall(fold(number).upper()))


def normalise_procedure_code(code: str) -> str | None:
    """`1.004194` (also typed `1,004194` or with spaces) as stored, or None if it is not a code."""
    match = _PROCEDURE_CODE.match(code)
    return f"{match[1]}.{match[2]}" if match else None
