"""For the issued legal document's page: the drafts it came from (the reverse of the draft's
link), so the legal app knows nothing of drafts but an include."""

from django import template

from portal.core.visibility import visible

from ..models import DraftPage

register = template.Library()


@register.inclusion_tag("drafts/includes/drafts_of.html")
def drafts_of(document):
    return {"drafts": visible(DraftPage.objects.filter(issued_document=document)).order_by("pk")}
