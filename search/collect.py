"""Which pages are searchable and the documents they give: the pages the public may see, by the
portal's one visibility rule (portal.core.visibility)."""

from wagtail.models import Page

from portal.core.visibility import is_visible, visible, visible_until

from .sites import SiteLabels


def has_search_documents(page):
    return callable(getattr(type(page), "search_documents", None))


def documents_for(page):
    """The page's search documents if the public may see it, else an empty list."""
    page = page.specific
    if not has_search_documents(page) or not is_visible(page):
        return []
    return with_page_id(page, page.search_documents())


def documents_of_pages(page_ids):
    """The current documents of these pages: those the public may see, decided in one query."""
    pages = visible(Page.objects.filter(pk__in=page_ids)).specific()
    labels = SiteLabels()
    return [
        doc
        for page in pages
        if has_search_documents(page)
        for doc in with_page_id(page, page.search_documents(), labels)
    ]


def with_page_id(page, documents, labels=None):
    """Documents tagged with their page, so an update can replace all of a page's entries, with
    the moment the page expires, and with the agency site they belong to (search.sites)."""
    documents = list(documents)
    for doc in documents:
        doc.page_id = page.pk
        doc.expires = visible_until(page)
    (labels or SiteLabels()).tag(page, documents)
    return documents


def searchable_pages():
    """Every page the public may see whose class defines search_documents()."""
    for page in visible(Page.objects.all()).specific().iterator(chunk_size=200):
        if has_search_documents(page):
            yield page


def all_documents():
    labels = SiteLabels()
    for page in searchable_pages():
        yield from with_page_id(page, page.search_documents(), labels)
