import enum
from collections.abc import Iterable
from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, StringConstraints

NonEmptyStr = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Record(BaseModel):
    """The validated form of one import line. Keys the schema does not know are ignored, so a
    newer exporter's extra keys do not break an older importer.

    Every line may say which agency's site it belongs to: `site` (a hostname) or `province`
    (the site whose agency settings name that province). Without either, the line goes to the
    run's `--site`, else the national site (portal/core/sites.py)."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True, frozen=True)

    kind: str
    site: NonEmptyStr | None = None
    province: NonEmptyStr | None = None


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
    # The Site this line belongs to, set by the ImportRun before each `upsert()` (the line's
    # `site`/`province`, else `--site`, else the national site) and before `export()` (the
    # `--site` of export_content, or None for every site).
    site = None
    # Whether a line's `site`/`province` picks the Site it is written to. Pages do; records of
    # figures (processing statistics) name their agency and province as data, for any province.
    site_bound: ClassVar[bool] = True

    def pages_to_export(self, queryset):
        """The pages `export()` writes: the `--site`'s own ones, or every site's."""
        from ..sites import own_pages

        return own_pages(queryset, self.site) if self.site is not None else queryset

    def site_field(self, page):
        """`{"site": hostname}` for a page of an agency's site, `{}` for the national site's, so
        an exported line goes back to its site when imported."""
        from ..sites import owner_site

        site = owner_site(page)
        return {} if site is None or site.is_default_site else {"site": site.hostname}

    def upsert(self, record, *, update_existing=True) -> Outcome:
        raise NotImplementedError

    def export(self) -> Iterable[dict]:
        raise NotImplementedError

    def finish(self):
        """Called once after a run that imported lines of this kind."""
