import gzip
import json
from dataclasses import dataclass
from pathlib import Path


class ImportFileError(Exception):
    """A file that cannot be read at all; reported in one line."""


@dataclass(frozen=True)
class Line:
    path: str
    number: int
    text: str

    def where(self):
        return f"{self.path}:{self.number}"


def read_lines(path):
    """Yield the non-blank lines of a JSON Lines file, plain or gzipped, with their numbers."""
    file_path = Path(path)
    if not file_path.is_file():
        raise ImportFileError(f"{path}: no such file")
    opener = gzip.open if file_path.suffix == ".gz" else open
    try:
        with opener(file_path, "rt", encoding="utf-8") as handle:
            for number, text in enumerate(handle, start=1):
                if text.strip():
                    yield Line(str(path), number, text)
    except (OSError, EOFError, UnicodeDecodeError) as error:
        raise ImportFileError(f"{path}: cannot be read: {error}") from error


def parse_kind(line):
    """The line's `kind`, or raise ValueError naming the field and reason."""
    try:
        data = json.loads(line.text)
    except json.JSONDecodeError as error:
        raise ValueError(f"json: invalid JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(data, dict):
        raise ValueError("json: a line must be a JSON object")
    kind = data.get("kind")
    if kind is None:
        raise ValueError("kind: required key is missing")
    if not isinstance(kind, str):
        raise ValueError("kind: must be a string")
    return kind
