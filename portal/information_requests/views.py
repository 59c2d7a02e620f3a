"""The public pages: the register of requests, the request form and following one by its code.
Plain HTML that works without JavaScript; the form is the API's form."""

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from portal.core.sites import request_site
from portal.engagement import antiabuse
from portal.engagement.ownership import receiving_site

from . import handling, tracking
from .choices import Status
from .forms import PublicRequestForm
from .models import AnswerAttachment

FORM = "information_requests/request_form.html"
LOOKUP = "information_requests/register.html"


def register(request):
    requests = tracking.on_site(request_site(request)).prefetch_related("attachments")
    page = Paginator(requests, 20).get_page(request.GET.get("page"))
    context = {"page_obj": page, "rows": [tracking.register_row(item) for item in page]}
    response = render(request, LOOKUP, context)
    # Staff steps write no content event: neither the page cache nor a proxy may keep it.
    response["Cache-Control"] = "no-cache"
    return response


def ask(request):
    if request.method != "POST":
        return render(request, FORM, {"form": PublicRequestForm()})
    if antiabuse.at_limit(request):
        form = PublicRequestForm(initial=request.POST.dict())
        return antiabuse.over_limit_page(request, FORM, {"form": form})
    form = PublicRequestForm(request.POST)
    if not form.is_valid():
        return render(request, FORM, {"form": form}, status=400)
    antiabuse.count_accepted(request)
    site = receiving_site(request, form.cleaned_data["province"])
    made = handling.submit({**form.cleaned_data, "site": site}, channel="web")
    return redirect(f"{reverse('information_requests:track', args=[made.code])}?new=1")


def _refusal(request, code, error, status):
    context = {"code": code, "error": error, "rows": [], "page_obj": None}
    return render(request, LOOKUP, context, status=status)


def track(request, code):
    if not antiabuse.take_lookup_slot(request):
        error = _("Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau.")
        return _refusal(request, code, error, 429)
    try:
        found = tracking.find(code, site=request_site(request))
    except tracking.MalformedCode as error:
        return _refusal(request, code, error, 400)
    except Http404 as error:
        return _refusal(request, code, error, 404)
    if found.code != code:
        return redirect("information_requests:track", found.code)
    context = {"view": tracking.tracked(found), "new": request.GET.get("new") == "1"}
    response = render(request, "information_requests/track.html", context)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def lookup(request):
    code = request.GET.get("code", "").strip()
    if not code:
        return redirect("information_requests:register")
    return track(request, code)


def _file(attachment):
    response = FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.title
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def published_attachment(request, pk):
    """A file of an answer the agency published, on a site whose register shows it."""
    requests = tracking.on_site(request_site(request)).filter(
        status=Status.ANSWERED, answer_public=True
    )
    return _file(get_object_or_404(AnswerAttachment, pk=pk, request__in=requests))


def attachment(request, code, pk):
    """A file of the answer, for the holder of the request's code."""
    if not antiabuse.take_lookup_slot(request):
        raise Http404
    try:
        found = tracking.find(code, site=request_site(request))
    except tracking.MalformedCode:
        raise Http404 from None
    response = _file(get_object_or_404(AnswerAttachment, pk=pk, request=found))
    response["Cache-Control"] = "private, no-store"
    return response
