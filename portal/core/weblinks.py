"""Addresses that may become a link: absolute http(s) URLs only, the rule the admin's URL fields
apply, shared by imports (validation), the theme (`web_url` filter) and the API.

A `javascript:`, `data:` or scheme-relative address stored by an older import or a direct
database edit is never rendered as a link nor handed out: it reads as no address at all.
"""

from typing import Annotated

from pydantic import AfterValidator

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

_validate = URLValidator(schemes=["http", "https"])


def is_web_url(value):
    if not isinstance(value, str) or not value:
        return False
    try:
        _validate(value)
    except ValidationError:
        return False
    return True


def web_url(value, default=""):
    """The address when it is an absolute http(s) URL, else `default`."""
    return value if is_web_url(value) else default


def _checked(value):
    if value and not is_web_url(value):
        raise ValueError("must be an absolute http:// or https:// address")
    return value


# For import schemas: "" (no address) or an absolute http(s) URL.
WebUrlStr = Annotated[str, AfterValidator(_checked)]
