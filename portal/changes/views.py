"""The editor's publish-time form: right after publishing a change to a live page, say what
kind of change it was (minor when left unanswered) and, for a major change or a correction,
the one-line note the public reads."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.admin.auth import user_has_any_page_permission
from wagtail.models import Page, Revision

from .forms import ChangeNoteForm
from .history import record_note
from .models import ChangeNote


def note_change(request, page_id, revision_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_publish():
        return TemplateResponse(request, "wagtailadmin/shared/permission_denied.html", status=403)
    revision = get_object_or_404(Revision.page_revisions, pk=revision_id, object_id=str(page.pk))
    existing = ChangeNote.objects.filter(page_id=page.pk, revision=revision).first()
    form = ChangeNoteForm(
        request.POST or None, instance=existing, initial={"kind": ChangeNote.Kind.MINOR}
    )
    if request.method == "POST" and form.is_valid():
        record_note(page, revision, form.cleaned_data["kind"], form.cleaned_data["note"])
        messages.success(request, _("Đã lưu loại thay đổi của trang “%s”.") % page.title)
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return TemplateResponse(
        request,
        "changes/admin/note_change.html",
        {
            "page": page,
            "revision": revision,
            "form": form,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        },
        status=400 if form.errors else 200,
    )


note_change.permission_check = user_has_any_page_permission
