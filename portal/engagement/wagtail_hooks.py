"""The engagement menu of the admin: questions, reports (with an overdue filter), ratings and
personal data requests."""

import django_filters

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import InspectView
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.core.publishing.snippets import PublicSnippet
from portal.core.services import HOOK as SERVICES_HOOK
from portal.disclosure.sources import HOOK as DISCLOSURE_HOOK
from portal.disclosure.sources import pages_source

from . import admin_views, answering, comments, deadlines, handling, ownership
from .choices import QuestionStatus
from .models import AnswerPage, Comment, CommentSection, Question, QuestionIndexPage, Report


class OwnCasesOnly:
    """A case of another agency's desk is out of reach (portal/engagement/ownership.py)."""

    def get_object(self, queryset=None):
        case = super().get_object(queryset)
        if not ownership.may_handle(self.request.user, case):
            raise PermissionDenied
        return case


class CaseEditView(OwnCasesOnly, snippet_views.EditView):
    pass


class CaseInspectView(OwnCasesOnly, snippet_views.InspectView):
    pass


class CaseDeleteView(OwnCasesOnly, snippet_views.DeleteView):
    pass


class CaseViewSet(SnippetViewSet):
    """Each agency's desk sees, edits and exports only its own agency's cases."""

    edit_view_class = CaseEditView
    inspect_view_class = CaseInspectView
    delete_view_class = CaseDeleteView

    def get_queryset(self, request):
        return ownership.cases_for(request.user, self.model.objects.all())


class QuestionInspectView(OwnCasesOnly, InspectView):
    def get_field_display_value(self, field_name, field):
        # Wagtail looks for `get_<name>_display_value` on the view first: for the field named
        # `field` that is this very method, called without its arguments.
        if field_name == "field":
            return str(self.object.field or "-")
        return super().get_field_display_value(field_name, field)


class QuestionViewSet(CaseViewSet):
    model = Question
    inspect_view_class = QuestionInspectView
    icon = "help"
    menu_label = "Câu hỏi"
    list_display = ["code", "title", "status", "unit", "created_at"]
    list_filter = ["status", "field", "province", "channel"]
    search_fields = ["code", "title"]
    inspect_view_enabled = True
    add_to_admin_menu = False


class ReportFilterSet(WagtailFilterSet):
    overdue = django_filters.BooleanFilter(label="Quá hạn xử lý", method="filter_overdue")

    def filter_overdue(self, queryset, name, value):
        overdue = handling.overdue().values("pk")
        return queryset.filter(pk__in=overdue) if value else queryset.exclude(pk__in=overdue)

    class Meta:
        model = Report
        fields = ["status", "category", "province", "channel", "site", "transferred_to_site"]


class ReportViewSet(CaseViewSet):
    model = Report
    icon = "warning"
    menu_label = "Phản ánh, kiến nghị"
    list_display = [
        "code",
        "category",
        "province",
        "status",
        "deadline",
        "overdue_label",
        "created_at",
    ]
    filterset_class = ReportFilterSet
    search_fields = ["code"]
    inspect_view_enabled = True


class CommentViewSet(SnippetViewSet):
    """Pre-moderation: an editor opens each pending comment and publishes or refuses it."""

    model = Comment
    icon = "comment"
    menu_label = "Bình luận"
    list_display = ["name", "page", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["text"]


class CommentSectionViewSet(SnippetViewSet):
    model = CommentSection
    icon = "cog"
    menu_label = "Chuyên mục nhận bình luận"


class EngagementGroup(SnippetViewSetGroup):
    menu_label = "Tương tác"
    menu_icon = "group"
    menu_order = 250
    items = (QuestionViewSet, ReportViewSet, CommentViewSet, CommentSectionViewSet)


register_snippet(EngagementGroup)


@hooks.register("register_public_snippets")
def public_comments():
    """A moderated comment shows on its page; a section taking comments changes its pages."""
    return [
        PublicSnippet(Comment, page=lambda comment: comment.page),
        PublicSnippet(CommentSection, page=lambda section: section.section),
    ]


@hooks.register("register_admin_urls")
def engagement_admin_urls():
    return admin_views.admin_urls()


@hooks.register("register_snippet_listing_buttons")
def engagement_buttons(snippet, user, next_url=None):
    answerable = (
        isinstance(snippet, Question)
        and snippet.answer
        and snippet.status != QuestionStatus.ANSWERED
        and user.has_perm("engagement.change_question")
    )
    if answerable:
        url = reverse("engagement_submit_answer", args=[snippet.pk])
        yield ListingButton("Trình duyệt câu trả lời", url, priority=5)
    if (
        isinstance(snippet, Question)
        and snippet.attachment
        and user.has_perm("engagement.view_question")
    ):
        url = reverse("engagement_question_attachment", args=[snippet.pk])
        yield ListingButton("Tải tệp đính kèm", url, priority=10)
    if isinstance(snippet, Report) and user.has_perm("engagement.change_report"):
        url = reverse("engagement_report_status", args=[snippet.pk])
        yield ListingButton("Cập nhật xử lý", url, priority=5)


@hooks.register("after_edit_snippet")
def record_assignment(request, instance):
    """Choosing a unit for a new question is its assignment: a step of its public history."""
    if isinstance(instance, Question) and instance.unit and instance.status == "received":
        answering.assign(instance, instance.unit, request.user)


@hooks.register("after_edit_snippet")
def record_comment_moderation(request, instance):
    if isinstance(instance, Comment):
        comments.record_moderation(instance)


@hooks.register("after_edit_snippet")
def withdraw_unpublishable(request, instance):
    """A question marked “not to be published” after its answer went live leaves the site
    (and so search, the API and the feeds) at once."""
    if isinstance(instance, Question) and not instance.publishable:
        answering.withdraw(instance, request.user)


@hooks.register("register_admin_menu_item")
def ratings_menu_item():
    return MenuItem("Đánh giá trang", reverse("engagement_ratings"), icon_name="pick", order=260)


@hooks.register("register_admin_menu_item")
def personal_data_menu_item():
    return MenuItem(
        "Dữ liệu cá nhân", reverse("engagement_personal_data"), icon_name="lock", order=270
    )


@hooks.register("register_admin_menu_item")
def staff_entry_menu_item():
    return MenuItem(
        "Nhập hỏi đáp, phản ánh qua điện thoại, thư",
        reverse("engagement_staff_entry", args=["question"]),
        icon_name="edit",
        order=255,
    )


@hooks.register("statistics_engagement_figures")
def engagement_figures(date_from, date_to):
    """Questions and reports received and answered, for the statistics dashboard."""
    from .figures import figures

    return figures(date_from, date_to)


@hooks.register("register_agency_teams")
def case_desk(site):
    """A new agency's site gets its case desk (portal/core/agencies.py)."""
    ownership.ensure_desk(site)


@hooks.register(SERVICES_HOOK)
def citizen_services(request):
    from .services import engagement_services

    return engagement_services(request)


class OverduePanel(Component):
    """The admin home: open reports past their deadline, per agency, linked to the list."""

    order = 55

    def __init__(self, rows):
        self.rows = rows

    def render_html(self, parent_context=None):
        url = reverse("wagtailsnippets_engagement_report:list") + "?overdue=true"
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td></tr>",
            ((name or "Chưa giao cơ quan", count) for name, count in self.rows),
        )
        return format_html(
            '<section class="panel"><h2>Phản ánh quá hạn xử lý</h2>'
            "<table><thead><tr><th>Cơ quan</th><th>Số phản ánh</th></tr></thead>"
            '<tbody>{}</tbody></table><p><a href="{}">Xem danh sách quá hạn</a></p></section>',
            rows,
            url,
        )


@hooks.register("construct_homepage_panels")
def add_overdue_panel(request, panels):
    if request.user.has_perm("engagement.change_report"):
        rows = deadlines.overdue_by_agency()
        if rows:
            panels.append(OverduePanel(rows))


@hooks.register(DISCLOSURE_HOOK)
def disclosed_guidance(request, site):
    # Published answers to citizens' questions explain the law and policies in the fields.
    return pages_source("guidance", request, site, QuestionIndexPage, AnswerPage)
