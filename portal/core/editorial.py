"""The editorial set-up shared by news, procedures and legal documents.

Editors (Biên tập viên) write and submit; the editorial board (Ban biên tập) approves or rejects
in the workflow "Ban biên tập duyệt", which is assigned at every home page so it covers every
page of the site. `setup_editorial()` is idempotent: it creates what is missing and never
replaces a workflow an administrator assigned.
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


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(action):
    return _permission("wagtailcore", f"{action}_page")


def _grant_page(group, page, actions):
    for action in actions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_page_permission(action)
        )


def _group_with_media(name):
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    root_collection = Collection.get_first_root_node()
    for app_label, codename in _MEDIA_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=_permission(app_label, codename)
        )
    return group


def grant_section_editing(section):
    """Let editors add and edit pages in this section (they still cannot publish)."""
    _grant_page(_group_with_media(EDITORS), section, ["add", "change"])


@transaction.atomic
def setup_editorial():
    """Groups, permissions and the approval workflow; returns the workflow."""
    from portal.core.models import HomePage

    editors = _group_with_media(EDITORS)
    board = _group_with_media(BOARD)

    task = GroupApprovalTask.objects.filter(name=WORKFLOW_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=WORKFLOW_NAME)
    task.groups.add(board)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    for home in HomePage.objects.all():
        _grant_page(board, home, ["add", "change", "publish"])
        WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": workflow})

    for model_name in EDITOR_SECTION_MODELS:
        for section in apps.get_model(model_name).objects.all():
            _grant_page(editors, section, ["add", "change"])
    return workflow
