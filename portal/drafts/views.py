"""The comment form of a draft: its own address (like the comments on news), so the cached draft
page never carries a one-time challenge."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache

from portal.core.sites import request_site
from portal.core.visibility import visible
from portal.engagement import antiabuse

from .commenting import Refused, submit_comment
from .forms import PublicDraftCommentForm
from .models import DraftPage

TEMPLATE = "drafts/comment_form.html"


@never_cache
def comment(request, page_id):
    draft = get_object_or_404(visible(DraftPage.objects.filter(pk=page_id), request_site(request)))
    initial = {"article": request.GET.get("dieu", "")}
    context = {"draft": draft, "form": PublicDraftCommentForm(initial=initial)}
    if not draft.is_open():
        return render(request, TEMPLATE, {**context, "closed": True}, status=409)
    if request.method != "POST":
        return render(request, TEMPLATE, context)
    if antiabuse.at_limit(request):
        kept = {**context, "form": PublicDraftCommentForm(initial=request.POST.dict())}
        return antiabuse.over_limit_page(request, TEMPLATE, kept)
    form = PublicDraftCommentForm(request.POST)
    if form.is_valid():
        try:
            submitted = submit_comment(draft, form.cleaned_data)
        except Refused as refusal:
            form.add_error("article" if refusal.field == "article" else None, str(refusal))
        else:
            antiabuse.count_accepted(request)
            return render(
                request, "drafts/comment_received.html", {"draft": draft, "comment": submitted}
            )
    return render(request, TEMPLATE, {**context, "form": form}, status=400)
