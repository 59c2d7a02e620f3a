"""The public pages: ask a question, send a report, follow either by its tracking code, rate a
page. Plain HTML forms that work without JavaScript, clients of the same forms as the API."""

import hashlib
import secrets

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseForbidden, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from wagtail.models import Page

from portal.core.sites import request_site
from portal.core.visibility import visible

from . import antiabuse, intake, resolved, tracking
from .forms import PublicQuestionForm, PublicReportForm
from .ownership import receiving_site
from .ratings import RatingForm, record_rating

RATER_COOKIE = "engagement_rater"


def _submission_form(request, form_class, submit, template, initial=None):
    if request.method != "POST":
        return render(request, template, {"form": form_class(initial=initial)})
    if antiabuse.at_limit(request):
        return antiabuse.over_limit_page(
            request, template, {"form": form_class(initial=request.POST.dict())}
        )
    form = form_class(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, template, {"form": form}, status=400)
    antiabuse.count_accepted(request)
    site = receiving_site(request, form.cleaned_data["province"])
    submission = submit({**form.cleaned_data, "site": site}, channel="web")
    return redirect(f"{reverse('engagement:track', args=[submission.code])}?new=1")


def ask(request):
    # Asked from an online exchange's page: the question joins that exchange.
    initial = {"exchange": request.GET.get("exchange", "")[:10]}
    return _submission_form(
        request,
        PublicQuestionForm,
        intake.submit_question,
        "engagement/question_form.html",
        initial,
    )


def report(request):
    return _submission_form(
        request, PublicReportForm, intake.submit_report, "engagement/report_form.html"
    )


def _find(request, code):
    """(submission, None), or (None, the lookup page saying what is wrong: 400, 404, or 429
    past the look-ups one address may make)."""
    if not antiabuse.take_lookup_slot(request):
        error = _("Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau.")
        return None, render(
            request, "engagement/lookup.html", {"code": code, "error": error}, status=429
        )
    try:
        return tracking.find(code, site=request_site(request)), None
    except (tracking.MalformedCode, Http404) as error:
        status = 400 if isinstance(error, tracking.MalformedCode) else 404
        context = {"code": code, "error": error}
        return None, render(request, "engagement/lookup.html", context, status=status)


def lookup(request):
    code = request.GET.get("code", "").strip()
    if not code:
        return render(request, "engagement/lookup.html", {})
    submission, refusal = _find(request, code)
    return refusal or redirect("engagement:track", submission.code)


def track(request, code):
    submission, refusal = _find(request, code)
    if refusal:
        return refusal
    context = {"view": tracking.public_view(submission), "new": request.GET.get("new") == "1"}
    response = render(request, "engagement/track.html", context)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def resolved_reports(request):
    page = Paginator(resolved.published(), 20).get_page(request.GET.get("page"))
    rows = [resolved.row(report) for report in page]
    context = {
        "page_obj": page,
        "rows": rows,
        "points": [row for row in rows if row["point"]],
        "map_size": (resolved.WIDTH, resolved.HEIGHT),
    }
    return render(request, "engagement/resolved_reports.html", context)


def _rater(request):
    value = request.COOKIES.get(RATER_COOKIE) or secrets.token_hex(16)
    return value, hashlib.sha256(value.encode()).hexdigest()


# No CSRF token (the box sits on publicly cached pages): a vote the browser says comes from
# another site is refused instead, and each address has a rate.
@csrf_exempt
@require_POST
def rate(request, page_id):
    if antiabuse.from_another_site(request):
        return HttpResponseForbidden(_("Đánh giá chỉ được gửi từ trang của cổng thông tin."))
    if not antiabuse.take_rating_slot(request):
        return HttpResponse(_("Bạn đã gửi quá nhiều lần. Vui lòng thử lại sau."), status=429)
    page = get_object_or_404(visible(Page.objects.filter(pk=page_id)))
    form = RatingForm(request.POST)
    if not form.is_valid():
        return render(request, "engagement/rating_result.html", {"form": form}, status=400)
    cookie, rater = _rater(request)
    created = record_rating(page, rater, form.cleaned_data)
    target = page.get_url(request) or "/"
    message = "rated" if created else "already-rated"
    response = HttpResponseRedirect(f"{target}?rating={message}#rating")
    response.set_cookie(
        RATER_COOKIE, cookie, max_age=5 * 365 * 86400, httponly=True, samesite="Lax"
    )
    return response
