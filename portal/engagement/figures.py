"""Figures for the statistics pages: `figures()` returns counts by kind, category, province,
status and month, and the median time to answer a question, in days. Plain data, no personal
data; erased submissions still count."""

import statistics

from django.db.models import Count
from django.db.models.functions import TruncMonth

from .models import Question, Report


def _counts(queryset, field):
    rows = queryset.values(field).annotate(count=Count("pk")).order_by(field)
    return {row[field]: row["count"] for row in rows if row[field] is not None}


def _months(queryset):
    rows = (
        queryset.annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("month")
    )
    return {row["month"].strftime("%Y-%m"): row["count"] for row in rows}


def median_days_to_answer(questions=None):
    questions = Question.objects.all() if questions is None else questions
    durations = [
        (answered - created).total_seconds() / 86400
        for created, answered in questions.filter(answered_at__isnull=False).values_list(
            "created_at", "answered_at"
        )
    ]
    return round(statistics.median(durations), 1) if durations else None


def figures(date_from=None, date_to=None):
    questions, reports = Question.objects.all(), Report.objects.all()
    if date_from:
        questions = questions.filter(created_at__date__gte=date_from)
        reports = reports.filter(created_at__date__gte=date_from)
    if date_to:
        questions = questions.filter(created_at__date__lte=date_to)
        reports = reports.filter(created_at__date__lte=date_to)
    return {
        "by_kind": {"question": questions.count(), "report": reports.count()},
        "questions": {
            "by_status": _counts(questions, "status"),
            "by_province": _counts(questions, "province"),
            "by_field": _counts(questions, "field__name"),
            "by_month": _months(questions),
            "median_days_to_answer": median_days_to_answer(questions),
        },
        "reports": {
            "by_category": _counts(reports, "category"),
            "by_status": _counts(reports, "status"),
            "by_province": _counts(reports, "province"),
            "by_month": _months(reports),
        },
    }
