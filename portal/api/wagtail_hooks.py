from django.http import Http404
from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from portal.core.visibility import is_visible_document

from .admin_views import headless_preview


class HeadlessPreviewButton(PageMenuItem):
    label = "Xem trước headless"
    icon_name = "view"

    def is_shown(self, user):
        return self.page.permissions_for_user(user).can_edit()

    @property
    def url(self):
        return reverse("portal_api_headless_preview", args=[self.page.pk])


@hooks.register("register_page_header_buttons")
def headless_preview_button(page, user, view_name, next_url=None):
    yield HeadlessPreviewButton(page=page, priority=90)


@hooks.register("register_admin_urls")
def headless_preview_urls():
    return [
        path(
            "headless-preview/<int:page_id>/",
            headless_preview,
            name="portal_api_headless_preview",
        )
    ]


@hooks.register("before_serve_document")
def hide_documents_of_hidden_pages(document, request):
    """/documents/<id>/<name>: a document only hidden pages use is a 404, except for editors
    (the admin links to it while the page is a draft)."""
    if request.user.has_perm("wagtailadmin.access_admin"):
        return None
    if not is_visible_document(document):
        raise Http404("no public document here")
    return None
