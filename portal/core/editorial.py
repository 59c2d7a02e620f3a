"""The editorial set-up shared by news, procedures and legal documents.

Editors (Biên tập viên) write and submit; the editorial board (Ban biên tập) approves or rejects
in the workflow "Ban biên tập duyệt", which is assigned at every home page so it covers every
page of the site. `setup_editorial()` is idempotent: it creates what is missing and never
replaces a workflow an administrator assigned.

Each agency's site has its own pair of groups and its own workflow, named after the agency
("Biên tập viên – Sở NN&MT Hà Nội"), with permissions on that site's pages only: an editor of
one province cannot touch another's. The national site keeps the plain names.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

WORKFLOW_NAME = "Ban biên tập duyệt"
EDITORS = "Biên tập viên"
BOARD = "Ban biên tập"

# Section page types under which editors may add and edit pages ("app_label.Model").
EDITOR_SECTION_MODELS = ["news.NewsIndexPage"]

_MEDIA_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]
_CHOOSE_PERMISSIONS = [("wagtailimages", "choose_image"), ("wagtaildocs", "choose_document")]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(action):
    return _permission("wagtailcore", f"{action}_page")


def _grant_page(group, page, actions):
    for action in actions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_page_permission(action)
        )


def _group_with_media(name, collection=None):
    """The group, with access to the admin and its images and documents: added to and chosen
    from `collection` (its agency's), and chosen from the whole tree (the national shared ones;
    portal.core.editor_scope hides the other agencies' from its choosers)."""
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    root_collection = Collection.get_first_root_node()
    collection = collection or root_collection
    wanted = {(collection.pk, permission) for permission in _MEDIA_PERMISSIONS}
    wanted |= {(root_collection.pk, permission) for permission in _CHOOSE_PERMISSIONS}
    for collection_id, (app_label, codename) in wanted:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection_id=collection_id, permission=_permission(app_label, codename)
        )
    if collection.pk != root_collection.pk:  # an agency adds to its own collection only
        GroupCollectionPermission.objects.filter(
            group=group, collection=root_collection, permission__codename__startswith="add_"
        ).delete()
    return group


def agency_collection(site, create=True):
    """The collection of a provincial site's agency (named like its groups, under the root);
    the root collection for the national site."""
    root = Collection.get_first_root_node()
    if site is None or site.is_default_site:
        return root
    name = editorial_names(site)[0].split(" – ", 1)[-1]
    collection = root.get_children().filter(name=name).first()
    if collection is None and create:
        collection = root.add_child(name=name)
    return collection


def editorial_names(site=None):
    """(editors group, board group, workflow) names of the site; None is the national site."""
    if site is None or site.is_default_site:
        return EDITORS, BOARD, WORKFLOW_NAME
    from portal.core.models import AgencySettings

    agency = AgencySettings.for_site(site)
    short = agency.short_name or agency.agency_name or site.hostname
    return f"{EDITORS} – {short}", f"{BOARD} – {short}", f"{WORKFLOW_NAME} – {short}"


def grant_section_editing(section):
    """Let the editors of the section's site add and edit pages in it (they cannot publish)."""
    from .sites import owner_site

    site = owner_site(section)
    editors_name = editorial_names(site)[0]
    _grant_page(
        _group_with_media(editors_name, agency_collection(site)), section, ["add", "change"]
    )


@transaction.atomic
def setup_editorial(site=None):
    """The site's groups, permissions and approval workflow (None: the national site's);
    returns the workflow."""
    from portal.core.models import HomePage

    from .sites import national_site, own_pages

    site = site or national_site()
    editors_name, board_name, workflow_name = editorial_names(site)
    collection = agency_collection(site)
    editors = _group_with_media(editors_name, collection)
    board = _group_with_media(board_name, collection)

    task = GroupApprovalTask.objects.filter(name=workflow_name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=workflow_name)
    task.groups.add(board)
    workflow, _ = Workflow.objects.get_or_create(name=workflow_name)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    if site is None:  # a database without any site yet: groups and workflow only
        return workflow
    for home in own_pages(HomePage.objects.all(), site):
        _grant_page(board, home, ["add", "change", "publish"])
        WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": workflow})

    for model_name in EDITOR_SECTION_MODELS:
        for section in own_pages(apps.get_model(model_name).objects.all(), site):
            _grant_page(editors, section, ["add", "change"])
    return workflow
