"""“Thông tin này có hữu ích không?” on news, procedures and legal documents."""

from django import forms
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from portal.core.sites import own_pages

from .models import Rating

RATED_PAGE_TYPES = ("news.NewsPage", "procedures.ProcedurePage", "legal.LegalDocumentPage")


class RatingForm(forms.Form):
    helpful = forms.TypedChoiceField(
        label=_("Thông tin này có hữu ích không?"),
        choices=[("yes", _("Có")), ("no", _("Không"))],
        coerce=lambda value: value == "yes",
    )
    comment = forms.CharField(
        label=_("Góp ý cho biên tập viên (không bắt buộc)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def record_rating(page, rater, data):
    """Record this browser's answer for the page; False when it already answered."""
    try:
        with transaction.atomic():
            Rating.objects.create(
                page=page, rater=rater, helpful=data["helpful"], comment=data["comment"]
            )
    except IntegrityError:
        return False
    return True


def rating_counts(site):
    """How many answers on the site's own pages said helpful and not helpful (counts only)."""
    ratings = Rating.objects.filter(page__in=own_pages(Page.objects.all(), site))
    counts = ratings.aggregate(
        yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False))
    )
    return {"helpful": counts["yes"], "unhelpful": counts["no"]}


def counts_per_page():
    """Per rated page: yes, no, and how many left a comment; for editors."""
    return (
        Rating.objects.values("page_id", "page__title")
        .annotate(
            yes=Count("pk", filter=Q(helpful=True)),
            no=Count("pk", filter=Q(helpful=False)),
            comments=Count("pk", filter=~Q(comment="")),
        )
        .order_by("-no", "page__title")
    )
