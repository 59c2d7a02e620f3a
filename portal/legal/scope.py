"""Where a document number is unique and which document a number means on a site.

Central documents (laws, decrees, circulars, the ministry's decisions) are one library under the
national site; a provincial People's Committee's decisions live under that province's site, so
"15/2025/QĐ-UBND" exists once per site and language. A number read on a site means that site's
own document when it has one, else the central document. Which site owns a page and what is
public on a site are core's rules (portal.core.sites.owner_site, portal.core.visibility).
"""

from portal.core.sites import own_pages, owner_site


def same_site(queryset, page_or_path, locale_id=None):
    """The documents of `queryset` owned by the site that owns `page_or_path`, in that language
    when given: where a number is unique."""
    found = own_pages(queryset, owner_site(page_or_path))
    return found.filter(locale_id=locale_id) if locale_id is not None else found


def by_number(pages, site=None):
    """{normalised number: page}, a site's own document winning over a central one."""
    found = {}
    for page in pages:
        current = found.get(page.normalised_number)
        if current is None or (site is not None and owner_site(page).pk == site.pk):
            found[page.normalised_number] = page
    return found
