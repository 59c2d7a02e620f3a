"""The published answers, filtered by field and year: one query for the page and the API."""

from django.core.paginator import Paginator

from portal.core.content_cache import remembered
from portal.core.models import Field
from portal.core.sites import request_site
from portal.core.visibility import visible

from .models import AnswerPage


def published_answers(field=None, year=None, site=None):
    """The answers public on `site` (every site's when None)."""
    answers = visible(AnswerPage.objects.all(), site).select_related("field")
    if field:
        answers = answers.filter(field__slug=field)
    if year:
        answers = answers.filter(answered_on__year=year)
    return answers.order_by("-answered_on", "-pk")


def answers_context(index_page, request):
    field = request.GET.get("field") or None
    year = request.GET.get("year") or None
    if year and not (year.isdigit() and len(year) == 4):  # a year the calendar has
        year = None
    site = request_site(request)
    answers = published_answers(field, int(year) if year else None, site)
    answers = answers.descendant_of(index_page)
    return {
        "answers": Paginator(answers, 20).get_page(request.GET.get("page")),
        # The filter choices change with content only: publishing an answer or editing a field
        # (a snippet) moves the content version.
        "fields": remembered(("answer_fields",), lambda: list(Field.objects.order_by("name"))),
        "years": remembered(("answer_years", site.pk), lambda: _answer_years(site)),
        "selected_field": field,
        "selected_year": year,
    }


def _answer_years(site):
    dates = visible(AnswerPage.objects.all(), site).values_list("answered_on", flat=True)
    return sorted({date.year for date in dates}, reverse=True)
