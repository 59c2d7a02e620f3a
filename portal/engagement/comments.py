"""Moderated comments on news (pre-moderation): a reader writes on the comment page of a news
item (its own page, so the cached news page never carries a one-time challenge), an editor
publishes or refuses each in the admin, and the news page shows the published ones — name,
date and text, never the email.

The news app knows nothing of this: its template includes `engagement/includes/comments.html`,
which loads the `page_comments` tag of this app.
"""

from django import forms
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from wagtail.models import Page

from portal.core.content_cache import remembered
from portal.core.visibility import visible

from . import antiabuse
from .forms import CONSENT_TEXT, PublicFormMixin
from .models import Comment, CommentSection, CommentStatus


def comments_open(page):
    """Whether the page is in a section whose editors turned comments on."""
    # Comment sections are snippets: an edit moves the content version.
    sections = remembered(
        ("comment_sections",),
        lambda: tuple(CommentSection.objects.values_list("section__path", flat=True)),
    )
    return any(page.path.startswith(path) and page.path != path for path in sections)


def published_comments(page):
    return Comment.objects.filter(page=page, status=CommentStatus.PUBLISHED).order_by(
        "created_at", "pk"
    )


class CommentForm(PublicFormMixin, forms.Form):
    name = forms.CharField(label=_("Tên hiển thị"), max_length=100)
    email = forms.EmailField(
        label=_("Thư điện tử (không công bố, không bắt buộc)"), max_length=254, required=False
    )
    text = forms.CharField(
        label=_("Bình luận"), min_length=5, max_length=2000, widget=forms.Textarea
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Bạn cần đồng ý với việc xử lý dữ liệu cá nhân để gửi.")},
    )


def _commentable(page_id):
    page = get_object_or_404(visible(Page.objects.filter(pk=page_id))).specific
    if not comments_open(page):
        raise Http404(_("Trang này không nhận bình luận."))
    return page


@never_cache
def comment(request, page_id):
    page = _commentable(page_id)
    context = {"target": page, "form": CommentForm()}
    if request.method != "POST":
        return render(request, "engagement/comment_form.html", context)
    if antiabuse.at_limit(request):
        kept = {**context, "form": CommentForm(initial=request.POST.dict())}
        return antiabuse.over_limit_page(request, "engagement/comment_form.html", kept)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return render(
            request, "engagement/comment_form.html", {**context, "form": form}, status=400
        )
    antiabuse.count_accepted(request)
    Comment.objects.create(
        page=page,
        name=form.cleaned_data["name"],
        email=form.cleaned_data["email"],
        text=form.cleaned_data["text"],
    )
    return redirect(f"{page.get_url(request)}?comment=pending#comments")


def record_moderation(comment):
    """An editor saved the comment with a decision: note when."""
    if comment.status != CommentStatus.PENDING and comment.moderated_at is None:
        comment.moderated_at = timezone.now()
        comment.save(update_fields=["moderated_at"])
