"""Local implementations in the admin: a snippet, because a local implementation is a set of
overrides of a national page, never a page of its own (it has no address, no tree position and
no body); each site's editors see and edit only their own site's, a rule the page tree's
permissions already give (who may edit that site's procedure catalogue)."""

from django.core.exceptions import PermissionDenied

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.models import Site
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import DeleteView, EditView, SnippetViewSet

from portal.core.sites import national_site

from .local import catalogue_of
from .models import LocalImplementation, ProcedurePage


def manageable_sites(user, action="change"):
    """The provincial sites whose procedure catalogue this user may edit (`action` "publish" or
    "delete": may publish, as that site's board may; its editors' changes wait for the board)."""
    provincial = Site.objects.filter(is_default_site=False).select_related("root_page")
    if not user.is_active:
        return Site.objects.none()
    if user.is_superuser:
        return provincial
    # Deleting removes what the board approved: as publishing does, it needs the board's right.
    allowed = "can_publish" if action in ("publish", "delete") else "can_edit"
    ids = [
        site.pk
        for site in provincial
        if (catalogue := catalogue_of(site))
        and getattr(catalogue.permissions_for_user(user), allowed)()
    ]
    return Site.objects.filter(pk__in=ids)


class LocalImplementationPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return manageable_sites(user, action).exists()

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return manageable_sites(user, action).filter(pk=instance.site_id).exists()

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        return LocalImplementation.objects.filter(site__in=manageable_sites(user))


class LocalImplementationForm(WagtailAdminModelForm):
    """Only the user's own sites, and only national procedures, can be chosen."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None:
            self.fields["site"].queryset = manageable_sites(self.for_user)
        national = national_site()
        procedures = ProcedurePage.objects.order_by("code")
        if national is not None:
            procedures = procedures.descendant_of(national.root_page)
        self.fields["procedure"].queryset = procedures


class OwnSiteOnly:
    """A local implementation of a site the user does not manage is out of reach."""

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", instance
        ):
            raise PermissionDenied
        return instance


class LocalImplementationEditView(OwnSiteOnly, EditView):
    pass


class LocalImplementationDeleteView(OwnSiteOnly, DeleteView):
    pass


class LocalImplementationViewSet(SnippetViewSet):
    model = LocalImplementation
    icon = "site"
    menu_label = "Thực hiện tại địa phương"
    menu_order = 151
    add_to_admin_menu = True
    list_display = ["procedure", "site", "implementing_agency", "processing_time"]
    edit_view_class = LocalImplementationEditView
    delete_view_class = LocalImplementationDeleteView
    edit_handler = ObjectList(LocalImplementation.panels, base_form_class=LocalImplementationForm)

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_any_permission_for(request.user, None)
