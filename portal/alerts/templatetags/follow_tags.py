"""`{% follow_link kind name=value ... %}`: the "Theo dõi" link of a page to the alerts form,
with what the page is already chosen (a news section, a topic, a procedure or document, the
legal listing's filters); `{% follow_listing_link %}` for the legal listing as filtered."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from ..following import LEGAL_FILTERS

register = template.Library()


@register.inclusion_tag("alerts/follow_link.html")
def follow_link(kind, **chosen):
    params = {"kind": kind, **{name: value for name, value in chosen.items() if value}}
    return {"url": reverse("alerts:subscribe") + "?" + urlencode(params)}


@register.inclusion_tag("alerts/follow_link.html", takes_context=True)
def follow_listing_link(context):
    query = context["request"].GET
    params = [("kind", "legal")] + [
        (name, value) for name in LEGAL_FILTERS for value in query.getlist(name) if value
    ]
    return {"url": reverse("alerts:subscribe") + "?" + urlencode(params)}
