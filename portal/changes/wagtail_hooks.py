from django.shortcuts import redirect
from django.urls import path
from django.utils import timezone

from wagtail import hooks
from wagtail.models import Page

from portal.api.feeds import NOTES_HOOK
from portal.core.visibility import SCHEDULE_HOOK

from .history import CORRECTION_SHOWN, latest_notes
from .models import ChangeNote
from .views import note_change


@hooks.register("register_admin_urls")
def change_note_urls():
    return [
        path(
            "changes/<int:page_id>/<int:revision_id>/",
            note_change,
            name="changes_note",
        )
    ]


@hooks.register("after_edit_page")
def ask_kind_of_change(request, page):
    """A published change to a page that was already public: ask what kind of change it was."""
    if "action-publish" not in request.POST:
        return None
    page = Page.objects.get(pk=page.pk)
    revision = page.live_revision
    if not page.live or revision is None or page.first_published_at == page.last_published_at:
        return None
    return redirect("changes_note", page.pk, revision.pk)


@hooks.register(SCHEDULE_HOOK)
def corrections_end():
    """The moments a correction notice leaves the top of its page."""
    shown = ChangeNote.objects.filter(
        kind=ChangeNote.Kind.CORRECTION, created_at__gt=timezone.now() - CORRECTION_SHOWN
    )
    return [created + CORRECTION_SHOWN for created in shown.values_list("created_at", flat=True)]


@hooks.register(NOTES_HOOK)
def feed_notes(page_ids):
    """The change feeds end each entry with its page's latest major change or correction."""
    return {
        page_id: f"{note.get_kind_display()} {timezone.localtime(note.created_at):%d/%m/%Y}: "
        f"{note.note}"
        for page_id, note in latest_notes(page_ids).items()
    }
