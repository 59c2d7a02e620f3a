"""Helpers of the list pages (procedure catalogue, legal documents)."""

from django import template

register = template.Library()


@register.simple_tag
def active_filter_count(form, ignore="sort"):
    """How many of the form's filters the visitor has chosen (the sort order is no filter)."""
    ignored = set(ignore.split(","))
    return sum(1 for name in form.fields if name not in ignored and form.data.get(name))
