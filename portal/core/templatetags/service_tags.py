"""`{% citizen_services as services %}`: the services of this site (portal.core.services), for
the footer of every page and the home page."""

from django import template

from portal.core.services import citizen_services as services_of

register = template.Library()


@register.simple_tag(takes_context=True)
def citizen_services(context):
    request = context.get("request")
    return services_of(request) if request is not None else []
