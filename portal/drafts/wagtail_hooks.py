import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import Http404
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.core.editor_scope import pages_for_editor
from portal.core.publishing.snippets import PublicSnippet
from portal.core.visibility import SCHEDULE_HOOK
from portal.disclosure.sources import HOOK as DISCLOSURE_HOOK
from portal.disclosure.sources import pages_source
from portal.engagement import codes
from portal.engagement.comments import record_moderation
from portal.engagement.personal_data import CODES_HOOK, ERASURE_HOOK
from portal.statistics.dashboard import TABLES_HOOK

from .commenting import PREFIX
from .figures import per_agency
from .models import DraftComment, DraftIndexPage, DraftPage


def comments_for(user, comments):
    """Comments on the drafts of the editor's own sites: personal data stays with the agency."""
    return comments.filter(draft__in=pages_for_editor(DraftPage.objects.all(), user))


class OwnComments:
    def get_object(self):
        comment = super().get_object()
        if not comments_for(self.request.user, DraftComment.objects.filter(pk=comment.pk)):
            raise PermissionDenied
        return comment


class CommentEditView(OwnComments, snippet_views.EditView):
    pass


class CommentDeleteView(OwnComments, snippet_views.DeleteView):
    pass


class DraftCommentViewSet(SnippetViewSet):
    """Pre-moderation, then tiếp thu / giải trình: an editor publishes or refuses each comment
    and, after the period, records how it was taken into account."""

    model = DraftComment
    icon = "comment"
    menu_label = "Góp ý dự thảo"
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["code", "draft", "article", "status", "reception", "created_at"]
    list_filter = ["status", "reception"]
    search_fields = ["code"]
    edit_view_class = CommentEditView
    delete_view_class = CommentDeleteView

    def get_queryset(self, request):
        return comments_for(request.user, DraftComment.objects.all())


register_snippet(DraftCommentViewSet)


@hooks.register("register_public_snippets")
def public_draft_comments():
    """A moderated comment (and its tiếp thu / giải trình) shows on its draft's page."""
    return [PublicSnippet(DraftComment, page=lambda comment: comment.draft)]


@hooks.register("after_edit_snippet")
def record_draft_comment_moderation(request, instance):
    if isinstance(instance, DraftComment):
        record_moderation(instance)


@hooks.register(SCHEDULE_HOOK)
def comment_periods():
    """Commenting opens and closes by the clock: the draft pages change then. Every draft's
    times (a draft page's visibility would ask the content version, which asks this hook)."""
    periods = DraftPage.objects.values_list("opens_at", "closes_at")
    return [time for period in periods for time in period]


@hooks.register(DISCLOSURE_HOOK)
def disclosed_drafts(request, site):
    return pages_source("drafts", request, site, DraftIndexPage, DraftPage)


@hooks.register(ERASURE_HOOK)
def erase_commenters(now, retention):
    """Who commented is kept as long as a question's sender; the published text stays, and
    replaces the text as sent, which may name them."""
    cutoff = now - datetime.timedelta(days=retention.get("comment", retention["question"]))
    old = DraftComment.objects.filter(created_at__lt=cutoff)
    erased = old.exclude(name="", organisation="", email="")
    count = erased.update(name="", organisation="", email="", text=F("public_text"))
    return {"draft_comment": count}


@hooks.register(TABLES_HOOK)
def draft_figures(first_day, last_day, province):
    """Drafts published and comments received per drafting agency, on the national dashboard
    (a province's dashboard would mix in other provinces' drafting agencies)."""
    rows = [] if province else per_agency(start=first_day, end=last_day)
    if not rows:
        return []
    columns = [
        (_("Đơn vị soạn thảo"), "text"),
        (_("Dự thảo lấy ý kiến"), "number"),
        (_("Ý kiến nhận được"), "number"),
    ]
    return [
        {
            "id": "du-thao-lay-y-kien",
            "caption": _("Dự thảo lấy ý kiến và ý kiến góp ý"),
            "columns": columns,
            "rows": [[row["agency"], row["drafts"], row["comments"]] for row in rows],
        }
    ]


@hooks.register(CODES_HOOK)
def commenter_by_code(code, user):
    """A commenter's data, exported or erased by their comment's code, by the staff of the
    draft's site."""
    normal = codes.normalise(code, prefixes=(PREFIX,))
    if normal is None:
        return None

    def found():
        comment = comments_for(user, DraftComment.objects.filter(code=normal)).first()
        if comment is None:
            raise Http404(_("Không tìm thấy góp ý có mã %(code)s.") % {"code": normal})
        return comment

    def export():
        comment = found()
        return {
            "code": comment.code,
            "submitted": comment.created_at.isoformat(),
            "contact": {
                "name": comment.name,
                "organisation": comment.organisation,
                "email": comment.email,
            },
            "text": comment.text,
        }

    def erase():
        comment = found()
        comment.name = comment.organisation = comment.email = ""
        comment.text = comment.public_text
        comment.save(update_fields=["name", "organisation", "email", "text"])

    return export, erase
