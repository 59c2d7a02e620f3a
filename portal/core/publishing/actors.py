"""Who is changing content: an editor, an import run, a scheduled command. Set around the work
with `acting_as()`; the publishing service writes it into log entries and content events."""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    name: str  # "import_content", "update_legal_validity", "editor", "system"
    user_id: int | None = None
    import_run_id: int | None = None
    source: str = ""  # the file an import reads

    @property
    def is_import(self):
        return self.import_run_id is not None

    def log_data(self):
        """What a page's history shows of this actor (never personal data)."""
        data = {"actor": self.name}
        if self.import_run_id is not None:
            data["import_run"] = self.import_run_id
        if self.source:
            data["file"] = self.source.rsplit("/", 1)[-1]
        return data


SYSTEM = Actor("system")
_current = ContextVar("publishing_actor", default=None)


@contextmanager
def acting_as(actor):
    token = _current.set(actor)
    try:
        yield actor
    finally:
        _current.reset(token)


def current_actor():
    """The actor set by `acting_as()`, else the user of Wagtail's log context, else system."""
    actor = _current.get()
    if actor is not None:
        return actor
    from wagtail.log_actions import get_active_log_context

    user = get_active_log_context().user
    if user is not None and getattr(user, "pk", None):
        return Actor("editor", user_id=user.pk)
    return SYSTEM
