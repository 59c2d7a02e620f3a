import gzip
import json
from dataclasses import dataclass
from pathlib import Path


class ImportFileError(Exception):
    """A file that cannot be read at all; reported in one line."""


class TruncatedFile(ImportFileError):
    """A file that stops being readable part-way (a truncated gzip): the lines before it count."""


@dataclass(frozen=True)
class Line:
    path: str
    number: int
    text: str
    problem: str = ""  # why the line could not even be decoded

    def where(self):
        return f"{self.path}:{self.number}"


BOM = "\ufeff"


def read_lines(path):
    """Yield the non-blank lines of a JSON Lines file, plain or gzipped, with their numbers.

    Each line is decoded on its own, so invalid UTF-8 names its line; a byte order mark at the
    start of a line is dropped. A gzip that ends early raises TruncatedFile after its readable
    lines."""
    file_path = Path(path)
    if not file_path.is_file():
        raise ImportFileError(f"{path}: no such file")
    opener = gzip.open if file_path.suffix == ".gz" else open
    number = 0
    try:
        with opener(file_path, "rb") as handle:
            for number, raw in enumerate(handle, start=1):
                line = _decoded(str(path), number, raw)
                if line is not None:
                    yield line
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        if number == 0:
            raise ImportFileError(f"{path}: cannot be read: {error}") from error
        raise TruncatedFile(
            f"{path}:{number}: file: cannot be read past this line ({error}); "
            "the lines before it were imported"
        ) from error


def _decoded(path, number, raw):
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        column = len(raw[: error.start].decode("utf-8", errors="replace")) + 1
        return Line(path, number, "", f"encoding: invalid UTF-8 at column {column}")
    text = text.lstrip(BOM)
    if not text.strip():
        return None
    return Line(path, number, text)


class _DuplicateKey(ValueError):
    pass


def _object_without_duplicates(pairs):
    data = dict(pairs)
    if len(data) != len(pairs):
        seen = set()
        for key, _value in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return data


def _nul_field(value, location=""):
    """The dotted path of the first string holding a NUL character, or None."""
    if isinstance(value, str):
        return location or "line" if "\x00" in value else None
    if isinstance(value, dict):
        items = (
            (f"{location}.{key}" if location else str(key), item) for key, item in value.items()
        )
    elif isinstance(value, list):
        items = ((f"{location}[{index}]", item) for index, item in enumerate(value))
    else:
        return None
    for where, item in items:
        found = _nul_field(item, where)
        if found:
            return found
    return None


MAX_DEPTH = 200
_OPENING, _CLOSING = frozenset("[{"), frozenset("]}")


def _too_deep(text):
    """The column of the first bracket opening a level deeper than MAX_DEPTH (strings skipped);
    only read for a line the JSON parser gave up on."""
    depth, quoted, escaped = 0, False, False
    for column, char in enumerate(text, start=1):
        if quoted:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                quoted = False
        elif char == '"':
            quoted = True
        elif char in _OPENING:
            depth += 1
            if depth > MAX_DEPTH:
                return column
        elif char in _CLOSING:
            depth -= 1
    return 1


def parse_kind(line):
    """The line's `kind`, or raise ValueError naming the field and reason."""
    if line.problem:
        raise ValueError(line.problem)
    try:
        data = json.loads(line.text, object_pairs_hook=_object_without_duplicates)
    except _DuplicateKey as error:
        raise ValueError(f"{error.args[0]}: duplicate key (a key may appear once)") from None
    except json.JSONDecodeError as error:
        reason = error.msg.removesuffix(" at")  # "Invalid control character at"
        raise ValueError(f"json: invalid JSON ({reason} at column {error.colno})") from None
    except RecursionError:
        raise ValueError(
            f"json: nested more than {MAX_DEPTH} levels deep at column {_too_deep(line.text)}"
        ) from None
    if not isinstance(data, dict):
        raise ValueError("json: a line must be a JSON object")
    kind = data.get("kind")
    if kind is None:
        raise ValueError("kind: required key is missing")
    if not isinstance(kind, str):
        raise ValueError("kind: must be a string")
    if "\x00" in line.text or "\\u0000" in line.text:
        field = _nul_field(data)
        if field:
            raise ValueError(f"{field}: contains a NUL character (U+0000), which is not text")
    return kind
