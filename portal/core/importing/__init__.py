"""Import and export in the interchange format of DESIGN §3 (JSON Lines, one `kind` per line).

Each content app plugs in an `Importer` for its kinds in its `importers.py`; the
`import_content` and `export_content` commands find them through `registry`.
"""

from .base import Importer, LineError, Outcome, Record
from .registry import get_importer, importers, register

__all__ = ["Importer", "LineError", "Outcome", "Record", "get_importer", "importers", "register"]
