import enum
from collections.abc import Iterable
from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, StringConstraints

NonEmptyStr = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Record(BaseModel):
    """The validated form of one import line. Keys the schema does not know are ignored, so a
    newer exporter's extra keys do not break an older importer."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True, frozen=True)

    kind: str


class LineError(Exception):
    """A line that passed the schema but cannot be imported (dates out of order, bad references)."""

    def __init__(self, field, reason):
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


class Outcome(enum.Enum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"


class Importer:
    """Imports and exports one `kind` of line.

    `schema` validates a line; `upsert()` writes it by natural key and says what happened;
    `export()` yields the same lines back; `finish()` runs once after a file set is imported
    (e.g. to resolve references to records that arrived later in the run).
    """

    kind: ClassVar[str]
    schema: ClassVar[type[Record]]

    def upsert(self, record, *, update_existing=True) -> Outcome:
        raise NotImplementedError

    def export(self) -> Iterable[dict]:
        raise NotImplementedError

    def finish(self):
        """Called once after a run that imported lines of this kind."""
