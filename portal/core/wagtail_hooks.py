from django.urls import reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter
from wagtail.models import DraftStateMixin, Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .editor_scope import media_for_editor, own_site_bulk_actions, pages_for_editor
from .models import Agency, AgencySettings, Field, ImportRun, PublicHoliday, Topic
from .publishing import Action
from .publishing.snippets import PublicSnippet, snippet_deleting, snippet_edited
from .sites import own_pages


class FieldViewSet(SnippetViewSet):
    model = Field
    icon = "tag"
    list_display = ["name", "name_en", "slug"]
    search_fields = ["name"]
    list_filter = ["ministries"]


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "group"
    list_display = ["name", "level", "parent"]
    search_fields = ["name"]
    list_filter = ["level"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "name_en", "slug"]
    search_fields = ["name"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = "Phân loại"
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (FieldViewSet, AgencyViewSet, TopicViewSet)


register_snippet(TaxonomyGroup)


@hooks.register("register_log_actions")
def register_publishing_log_actions(actions):
    """History entries the publishing service writes (portal.core.publishing.service)."""

    def source(log_entry):
        data = log_entry.data or {}
        parts = []
        if data.get("file"):
            parts.append(f"tệp {data['file']}")
        if data.get("import_run"):
            parts.append(f"lần nhập #{data['import_run']}")
        if data.get("actor") and not parts:
            parts.append(data["actor"])
        return ", ".join(parts)

    def changes(log_entry):
        names = (log_entry.data or {}).get("changes") or []
        return f" ({', '.join(names)})" if names else ""

    @actions.register_action("portal.import")
    class ImportAction(LogFormatter):
        label = "Nhập dữ liệu"

        def format_message(self, log_entry):
            return f"Nhập dữ liệu và xuất bản: {source(log_entry)}{changes(log_entry)}"

    @actions.register_action("portal.validity")
    class ValidityAction(LogFormatter):
        label = "Đổi tình trạng hiệu lực"

        def format_message(self, log_entry):
            validity = (log_entry.data or {}).get("validity") or {}
            return (
                f"Tình trạng hiệu lực: {validity.get('old') or '—'} → "
                f"{validity.get('new') or '—'} ({source(log_entry)})"
            )

    @actions.register_action("portal.change")
    class ChangeAction(LogFormatter):
        label = "Thay đổi nội dung đang xuất bản"

        def format_message(self, log_entry):
            return f"Thay đổi nội dung đang xuất bản{changes(log_entry)} ({source(log_entry)})"


class ImportRunViewSet(ModelViewSet):
    """The import runs report: when, who, which files, what each run did, its rejected lines."""

    model = ImportRun
    icon = "download"
    menu_label = "Các lần nhập dữ liệu"
    add_to_settings_menu = False
    add_to_reports_menu = False
    list_display = ["started_at", "command", "user", "files_display", "lines", "created"]
    list_display += ["changed", "unchanged", "rejected", "state_label"]
    list_filter = ["command"]
    inspect_view_enabled = True
    inspect_view_fields = ["started_at", "finished_at", "command", "user", "files", "lines"]
    inspect_view_fields += ["created", "changed", "unchanged", "rejected", "rejected_lines"]
    inspect_view_fields += ["state_label", "progress_at"]
    create_view_enabled = False  # runs are written by import_content, never by hand
    form_fields = []

    def get_queryset(self, request):
        return ImportRun.objects.select_related("user")


@hooks.register("register_admin_viewset")
def register_import_runs():
    return ImportRunViewSet("import_runs")


@hooks.register("register_reports_menu_item")
def register_import_runs_report():
    return MenuItem(
        ImportRunViewSet.menu_label, reverse("import_runs:index"), icon_name="download", order=900
    )


class PublicHolidayViewSet(SnippetViewSet):
    """The calendar of public holidays every deadline in working days is counted from."""

    model = PublicHoliday
    icon = "date"
    menu_label = "Lịch nghỉ lễ, Tết"
    add_to_settings_menu = True
    list_display = ["date", "name"]
    search_fields = ["name"]


register_snippet(PublicHolidayViewSet)


def _site_pages(settings):
    """Every page of the site: its agency's name labels them in search."""
    return own_pages(Page.objects.all(), settings.site).values_list("pk", flat=True)


@hooks.register("register_public_snippets")
def public_taxonomy_and_settings():
    return [
        PublicSnippet(Field),
        PublicSnippet(Agency),
        PublicSnippet(Topic),
        PublicSnippet(AgencySettings, pages=_site_pages, site_id=lambda s: s.site_id),
    ]


# An editor's edit of a term, a comment or a site's settings in the admin is a change to public
# content: one content event, so search, the front cache and alerts see it.
# A snippet with drafts is public only once published: its publish is the event (Wagtail's
# `published` signal, portal.core.publishing.signal_handlers), not each saved draft.
@hooks.register("after_create_snippet")
def snippet_created(request, instance):
    if not isinstance(instance, DraftStateMixin):
        snippet_edited(instance, Action.CREATED)


@hooks.register("after_edit_snippet")
def snippet_changed_in_admin(request, instance):
    if not isinstance(instance, DraftStateMixin):
        snippet_edited(instance, Action.CHANGED)


@hooks.register("before_delete_snippet")
def snippets_to_delete(request, instances):
    for instance in instances:
        snippet_deleting(instance)


@hooks.register("after_delete_snippet")
def snippets_deleted(request, instances):
    for instance in instances:
        snippet_edited(instance, Action.DELETED)


@hooks.register("after_edit_setting")
def setting_changed_in_admin(request, instance):
    snippet_edited(instance, Action.CHANGED)


# An agency's editors choose among their own site's pages and their agency's images and
# documents, plus the national shared ones (portal.core.editor_scope).
@hooks.register("construct_page_chooser_queryset")
def pages_an_editor_may_choose(pages, request):
    return pages_for_editor(pages, request.user)


@hooks.register("construct_image_chooser_queryset")
def images_an_editor_may_choose(images, request):
    return media_for_editor(images, request.user)


@hooks.register("construct_document_chooser_queryset")
def documents_an_editor_may_choose(documents, request):
    return media_for_editor(documents, request.user)


# Registered after Wagtail's own page bulk actions, which these replace.
for _action in own_site_bulk_actions():
    hooks.register("register_bulk_action", _action, order=100)
