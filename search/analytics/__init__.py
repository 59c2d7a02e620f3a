"""Search analytics for editors: each search is logged with one insert (the first page only, no
personal data), each chosen result through a redirect link that works without JavaScript.
`figures` computes the dashboard and `manage.py search_report`; `views` is the admin dashboard.
"""

import logging
import re

from django.core import signing
from django.db import DatabaseError, transaction
from django.urls import reverse
from django.utils import timezone

from ..analysis import folded_text, normalise_text

logger = logging.getLogger(__name__)
CLICK_SALT = "search.click"
SOURCE_PAGE, SOURCE_API = "page", "api"
MAX_QUERY = 200
# What looks like personal data: an email address, a phone number (0… or +84…, spaces or dots
# allowed), an identity card or tax number (9 to 12 digits in a row).
PERSONAL = [
    re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"),
    re.compile(r"(?<!\d)(?:\+?84|0)(?:[\s.\-]?\d){8,10}(?!\d)"),
    re.compile(r"(?<!\d)\d{9,12}(?!\d)"),
]


def looks_personal(text):
    return any(pattern.search(text) for pattern in PERSONAL)


def normalised(text):
    return " ".join(normalise_text(text).lower().split())[:MAX_QUERY]


def record(body, source):
    """Log the search whose API body this is (first page, non-empty, not personal); returns the
    log entry's id for click links, or None. A log that cannot be written (a database busy with
    an import, a full disk) is left out: the search is answered all the same."""
    from .models import QueryLog

    query = normalised(body.get("query") or "")
    if not query or body.get("page", 1) != 1 or looks_personal(query):
        return None
    now = timezone.now()
    try:
        with transaction.atomic():
            entry = QueryLog.objects.create(
                day=timezone.localdate(now),
                created_at=now,
                query=query,
                folded=folded_text(query)[:MAX_QUERY],
                results=body.get("total", 0),
                source=source,
            )
    except DatabaseError as error:
        logger.warning("search analytics: the search was not logged (%s)", type(error).__name__)
        return None
    return entry.pk


def click_url(log_id, position, url):
    """The link of a result that logs its choice, then redirects to it (signed, so it leads
    only where the search page pointed)."""
    token = signing.dumps([log_id, position, url], salt=CLICK_SALT, compress=True)
    return f"{reverse('search_click')}?r={token}"
