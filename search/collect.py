"""Which pages are searchable and the documents they give: live, public pages only."""

from wagtail.models import Page, PageViewRestriction


def has_search_documents(page):
    return callable(getattr(type(page), "search_documents", None))


def _ancestor_paths(page):
    return [page.path[:i] for i in range(page.steplen, len(page.path) + 1, page.steplen)]


def is_public(page):
    """Live, every ancestor live, and no view restriction on the page or an ancestor."""
    if not page.live or page.expired:
        return False
    paths = _ancestor_paths(page)
    if Page.objects.filter(path__in=paths, depth__gt=1, live=False).exists():
        return False
    return not PageViewRestriction.objects.filter(page__path__in=paths).exists()


def documents_for(page):
    """The page's search documents if it is live and public, else an empty list."""
    page = page.specific
    if not has_search_documents(page) or not is_public(page):
        return []
    return with_page_id(page, page.search_documents())


def with_page_id(page, documents):
    """Documents tagged with their page, so an update can replace all of a page's entries."""
    documents = list(documents)
    for doc in documents:
        doc.page_id = page.pk
    return documents


def searchable_pages():
    """Every live, public page whose class defines search_documents()."""
    restricted_paths = [r.page.path for r in PageViewRestriction.objects.select_related("page")]
    restricted_paths += list(
        Page.objects.filter(depth__gt=1, live=False).values_list("path", flat=True)
    )
    pages = Page.objects.live().public().filter(expired=False).specific().iterator(chunk_size=200)
    for page in pages:
        if has_search_documents(page) and not any(
            page.path.startswith(p) for p in restricted_paths
        ):
            yield page


def all_documents():
    for page in searchable_pages():
        yield from with_page_id(page, page.search_documents())
