from django import template

from portal.core.weblinks import web_url as checked_web_url

register = template.Library()


@register.filter
def web_url(value):
    """`{{ address|web_url }}`: the address if it is an absolute http(s) URL, else ""."""
    return checked_web_url(value)
