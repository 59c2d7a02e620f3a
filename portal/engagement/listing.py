"""The published answers, filtered by field and year: one query for the page and the API."""

from django.core.paginator import Paginator

from portal.core.models import Field
from portal.core.visibility import visible

from .models import AnswerPage


def published_answers(field=None, year=None):
    answers = visible(AnswerPage.objects.all()).select_related("field")
    if field:
        answers = answers.filter(field__slug=field)
    if year:
        answers = answers.filter(answered_on__year=year)
    return answers.order_by("-answered_on", "-pk")


def answers_context(index_page, request):
    field = request.GET.get("field") or None
    year = request.GET.get("year") or None
    if year and not year.isdigit():
        year = None
    answers = published_answers(field, int(year) if year else None).descendant_of(index_page)
    years = sorted(
        {d.year for d in visible(AnswerPage.objects.all()).values_list("answered_on", flat=True)},
        reverse=True,
    )
    return {
        "answers": Paginator(answers, 20).get_page(request.GET.get("page")),
        "fields": Field.objects.order_by("name"),
        "years": years,
        "selected_field": field,
        "selected_year": year,
    }
