"""`{% dc_subjects page as subjects %}`: the names of the fields (lĩnh vực, the shared taxonomy)
a page is filed under, whatever its type calls the relation: Dublin Core `subject`."""

from django import template

from wagtail.models import Page

from ..models import Field

register = template.Library()


@register.simple_tag
def dc_subjects(page):
    if not isinstance(page, Page):
        return []
    relations = [
        relation.name
        for relation in type(page)._meta.get_fields()
        if relation.many_to_many and relation.related_model is Field and relation.concrete
    ]
    return sorted({field.name for name in relations for field in getattr(page, name).all()})
