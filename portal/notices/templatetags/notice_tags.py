"""`{% maintenance_notices as notices %}`: the planned downtime this site announces now."""

from django import template

from ..current import notices_for

register = template.Library()


@register.simple_tag(takes_context=True)
def maintenance_notices(context):
    request = context.get("request")
    return notices_for(request) if request is not None else []
