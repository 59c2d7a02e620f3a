"""What search answers are cached and validated by: the index's own state, not the content event
log. The index catches up with the log later (a worker, a retry, a rebuild): a result page
cached, or a Last-Modified given, while it was behind must not outlive its catching up.

Each engine names its state: the embedded one by its last commit, Elasticsearch by the mark its
writes leave in the serving index's metadata. Before any index exists, the position of the search
consumer stands in.
"""

from django.db.models import Max

from wagtail.models import ModelLogEntry

from portal.core.models import ConsumerState

from .engines import EngineUnavailable, get_engine
from .tasks import CONSUMER

SEARCH_PAGES = {"tim-kiem/", "search/"}


def index_state():
    """(a string naming the index's state, when it last changed), or None when it is unreadable."""
    try:
        state = get_engine().stamp()
    except EngineUnavailable:
        return None
    if state is None:
        found = ConsumerState.objects.filter(name=CONSUMER).values_list("position", "updated_at")
        position, updated = found.first() or (0, None)
        state = f"consumer:{position}:{updated.timestamp() if updated else 0}", updated
    return state


def index_version():
    state = index_state()
    return state[0] if state else "unavailable"


def last_modified():
    """When search answers last changed: the index, or an edit of synonyms, promotions or any
    other snippet (Wagtail's log); None when unknown."""
    state = index_state()
    edited = ModelLogEntry.objects.aggregate(latest=Max("timestamp"))["latest"]
    times = [time for time in (state and state[1], edited) if time is not None]
    return max(times) if times else None


def is_search_page(path):
    """The public search page, in either language (/tim-kiem/, /en/search/, ...)."""
    path = path.lstrip("/")
    return path.removeprefix("en/") in SEARCH_PAGES
