from django import template
from django.urls import reverse
from django.utils.translation import get_language

from portal.core.weblinks import web_url as checked_web_url

register = template.Library()


@register.filter
def web_url(value):
    """`{{ address|web_url }}`: the address if it is an absolute http(s) URL, else ""."""
    return checked_web_url(value)


@register.simple_tag
def home_url():
    """The home page of the active language: `/` (Vietnamese) or `/en/`."""
    return "/" if get_language() == "vi" else f"/{get_language()}/"


@register.simple_tag
def search_url():
    """The search page of the active language: `/tim-kiem/` or `/en/search/`."""
    return reverse("search" if get_language() == "vi" else "search_en")
