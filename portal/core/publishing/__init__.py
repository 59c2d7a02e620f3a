"""One way to publish: the service every importer and every change to live content goes
through, the content event log it writes, and the consumers that read the log (DESIGN §7).

- `service`: `publish_revision()`, `publish_object()` (a model with drafts that is not a
  page), `unpublish()`, `page_changed()`, `validity_changed()`,
  `content_changed()` (content that is not a page: terms, settings, local implementations);
- `bulk.LivePageWriter`: many new live pages at import speed, logged and recorded the same way;
- `snippets`: the terms and settings whose admin edits change public content, and the pages
  that show them;
- `actors.acting_as()`: who changes content (an editor, an import run, a command);
- `events`: the event log itself, written only from this package; `consumers`: its readers
  and their positions.
"""

from .actors import Actor, acting_as, current_actor
from .consumers import register_consumer
from .events import Action
from .service import (
    content_changed,
    page_changed,
    page_created,
    publish_object,
    publish_revision,
    snippet_changed,
    unpublish,
    validity_changed,
)

__all__ = [
    "Action",
    "Actor",
    "acting_as",
    "content_changed",
    "current_actor",
    "page_changed",
    "page_created",
    "publish_object",
    "publish_revision",
    "register_consumer",
    "snippet_changed",
    "unpublish",
    "validity_changed",
]
