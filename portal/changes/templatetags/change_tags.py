"""`{% change_history page as changes %}`: the page's public change notes and the correction
announced at its top."""

from django import template

from wagtail.models import Page

from ..history import current_correction, history

register = template.Library()


@register.simple_tag
def change_history(page):
    notes = history(page) if isinstance(page, Page) else []
    return {"notes": notes, "correction": current_correction(notes)}
