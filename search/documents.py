"""What content apps hand to the search engine: plain data, no engine types.

A page type takes part in search by defining `search_documents(self) -> list[SearchDocument]`;
a legal document returns one entry for itself and one per article.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass, field

# (value, label): the value goes in URLs and filters, the label is shown to people.
FacetValue = tuple[str, str]

KINDS = ("procedure", "legal", "news", "question", "draft")


@dataclass
class SearchDocument:
    kind: str  # one of KINDS; an article of a legal document has kind "legal" and `article` set
    id: str  # natural key: procedure code, legal document number, news slug
    title: str
    url: str
    language: str = "vi"
    body: str = ""  # the searchable text (steps, article text, news body, attachments' text)
    summary: str = ""  # short text for snippets when the body does not match
    identifiers: list[str] = field(default_factory=list)  # codes and numbers, as written
    date: datetime.date | None = None  # issue date, publish date
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    popularity: float = 0.0  # usage weight of a procedure; 0 when unknown
    in_force: bool = True  # False ranks a legal document (or abolished procedure) lower
    article: str | None = None  # article number (Điều) for an article entry
    page_id: int | None = None
    # When the page stops being public (its expiry): searches after it no longer find it,
    # whether or not the scheduled re-index or the publish_scheduled cron has run yet.
    expires: datetime.datetime | None = None
    # The agency site the page belongs to (its id, set by search.collect) and whether every site
    # shows it (national shared content: the procedure catalogue, central legal documents).
    site: str = ""
    shared: bool = False
    local: bool = False  # on a provincial (not the national) site: the key names the site

    @property
    def key(self):
        """Unique within an index: the article entries of a document share its id; the same
        slug on two agencies' sites is two entries."""
        return (
            f"{self.kind}:{self.language}:{self.id}"
            + (f"@{self.site}" if self.local else "")
            + (f"#{self.article}" if self.article else "")
        )


# The `site` value of an entry every site shows (search.sites).
SHARED = "*"


def site_values(doc: SearchDocument):
    """What the engines index in an entry's `site` field: its site, and SHARED if shared."""
    if not doc.site:
        return []
    return [doc.site, SHARED] if doc.shared else [doc.site]


def content_hash(doc: SearchDocument):
    """A digest of everything an entry holds, stored with it: `search_index sync` finds the
    entries whose page has changed since they were written."""
    data = {name: value for name, value in doc.__dict__.items() if name != "page_id"}
    text = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()
