"""Wagtail API v2 fields shared by the page types."""

from rest_framework.fields import Field

from django.utils.module_loading import import_string


class TypedDetailsField(Field):
    """A page's JSON as its typed endpoint gives it (`/api/procedures/<code>/`, …), so
    `/api/v2/pages/<id>/` and headless previews carry the same fields in the same shape.

        api_fields = [APIField("details", serializer=TypedDetailsField("portal.news.api.details"))]
    """

    def __init__(self, function_path, **kwargs):
        self.function_path = function_path
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        return import_string(self.function_path)(page, self.context.get("request"))
