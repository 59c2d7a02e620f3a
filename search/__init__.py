"""Everything about indexing and querying. The only package that talks to a search engine.

The interface of DESIGN §4, on whichever engine `search.engines.get_engine()` chooses.
"""


def _engine():
    from .engines import get_engine

    return get_engine()


def index(documents):
    return _engine().index(documents)


def remove(keys_or_documents):
    return _engine().remove(keys_or_documents)


def rebuild(documents, progress=None):
    return _engine().rebuild(documents, progress=progress)


def search(request):
    return _engine().search(request)


def suggest(prefix, limit=8, language=None):
    return _engine().suggest(prefix, limit=limit, language=language)


def healthy():
    return _engine().healthy()


def problem():
    """None when search answers, else what is wrong, in words safe to show (no path, no
    address): "the search index is missing; `manage.py search_index sync` rebuilds it"."""
    return _engine().problem()


def pages_changed(page_ids):
    """Re-index these pages (their current, public documents, or none) after the current
    transaction commits; all the pages of one transaction go in one update. For content
    that changes without a content event (changes to public content are events, which search
    follows by itself)."""
    from .batching import pages_changed

    pages_changed(page_ids)
