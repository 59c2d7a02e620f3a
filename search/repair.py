"""Rebuilding the index without losing what is published meanwhile: `search_index rebuild` and
`sync`, and the search consumer when it finds its index gone or damaged (IndexLost)."""

import logging

from portal.core.models import ConsumerState
from portal.core.publishing.consumers import log_head

from .collect import all_documents
from .tasks import CONSUMER, Replay

logger = logging.getLogger(__name__)


def start_position():
    """Where a rebuild starts following the content event log: the search consumer's position
    (what it has not written yet is replayed too), or the log's head if it never ran."""
    state = ConsumerState.objects.filter(name=CONSUMER).first()
    return min(state.position, log_head()) if state and state.position else log_head()


def rebuild(engine, progress=None, documents=None):
    """Rebuild from the published pages (`documents`: all of them); the content events written
    meanwhile are replayed into the new index before the swap, and once more after it (those
    in between)."""
    replay = Replay(start_position())
    documents = all_documents() if documents is None else documents
    count = engine.rebuild(documents, progress=progress, before_swap=replay.apply)
    replay.apply(engine.replace_pages)
    return count


def rebuild_lost(engine, reason):
    """Rebuild an index found gone or damaged; returns the number of entries."""
    logger.error("search: %s; rebuilding it from the published pages", reason)
    count = rebuild(engine)
    logger.warning("search: the index was rebuilt with %s entries", count)
    return count
