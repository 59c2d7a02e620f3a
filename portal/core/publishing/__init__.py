"""One way to publish: the service every importer and every change to live content goes
through, the content event log it writes, and the consumers that read the log (DESIGN §7).

- `service`: `publish_revision()`, `page_changed()`, `validity_changed()`, `log_created()`;
- `bulk.LivePageWriter`: many new live pages at import speed, logged and recorded the same way;
- `actors.acting_as()`: who changes content (an editor, an import run, a command);
- `events.record()`: the event log itself; `consumers`: its readers and their positions.
"""

from .actors import Actor, acting_as, current_actor
from .consumers import register_consumer
from .events import Action, record
from .service import (
    page_changed,
    page_created,
    publish_revision,
    snippet_changed,
    validity_changed,
)

__all__ = [
    "Action",
    "Actor",
    "acting_as",
    "current_actor",
    "page_changed",
    "page_created",
    "publish_revision",
    "record",
    "register_consumer",
    "snippet_changed",
    "validity_changed",
]
