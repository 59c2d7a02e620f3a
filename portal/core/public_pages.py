"""`public(pages)`: Wagtail's `PageQuerySet.public()` inside the page query itself.

Wagtail reads every view restriction in a query of its own each time `.public()` is called; a
page listing several kinds of content paid that query once per list. Here a page is private when
a restricted page's tree path is a prefix of its own (the page or one of its ancestors)."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr

from wagtail.models import PageViewRestriction


def public(pages):
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return pages.exclude(Exists(restricted))
