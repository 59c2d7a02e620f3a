import pytest

from django.contrib.auth.models import Group, User

from wagtail.models import GroupPagePermission, TaskState, WorkflowState

from portal.core.editorial import BOARD, EDITORS, WORKFLOW_NAME, setup_editorial
from portal.news.factories import NewsPageFactory


@pytest.fixture
def editorial(home, english_home, section):
    return setup_editorial()


def member_of(group_name, username):
    user = User.objects.create_user(username, password="mật-khẩu-dài")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(editorial):
    return member_of(EDITORS, "bien-tap-vien")


@pytest.fixture
def board_member(editorial):
    return member_of(BOARD, "ban-bien-tap")


@pytest.fixture
def submitted(section, editor):
    """A draft written by an editor and submitted to the board."""
    page = NewsPageFactory.build(title="Tin chờ duyệt", slug="tin-cho-duyet", live=False)
    section.add_child(instance=page)
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    page.refresh_from_db()
    return page


def act(page, user, action, **kwargs):
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state, user, action, **kwargs)
    page.refresh_from_db()


def test_workflow_covers_every_home_page_so_all_content_types(editorial, home, english_home):
    assert home.get_workflow().name == WORKFLOW_NAME
    assert english_home.get_workflow().name == WORKFLOW_NAME


def test_editor_can_edit_in_section_but_not_publish(section, editor, board_member):
    editor_permissions = section.permissions_for_user(editor)
    assert editor_permissions.can_add_subpage()
    assert not editor_permissions.can_publish_subpage()
    assert section.permissions_for_user(board_member).can_publish_subpage()


def test_submitted_item_is_not_live_until_the_board_approves(client, submitted, board_member):
    assert submitted.workflow_in_progress
    assert not submitted.live
    assert client.get("/tin-hoat-dong/tin-cho-duyet/").status_code == 404

    act(submitted, board_member, "approve", comment="Đồng ý đăng.")

    assert submitted.live
    assert WorkflowState.objects.get(object_id=str(submitted.pk)).status == "approved"
    assert client.get("/tin-hoat-dong/tin-cho-duyet/").status_code == 200


def test_editor_cannot_approve_own_submission(submitted, editor, board_member):
    task = submitted.current_workflow_task
    assert task.get_actions(submitted, editor) == []
    assert "approve" in [name for name, *_ in task.get_actions(submitted, board_member)]


def test_rejected_item_keeps_the_comment_and_stays_offline(client, submitted, board_member):
    act(submitted, board_member, "reject", comment="Cần bổ sung nguồn tin và ảnh.")

    assert not submitted.live
    task_state = TaskState.objects.get(workflow_state__object_id=str(submitted.pk))
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == "Cần bổ sung nguồn tin và ảnh."
    assert task_state.workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert client.get("/tin-hoat-dong/tin-cho-duyet/").status_code == 404


def test_setup_is_idempotent(editorial, home):
    before = GroupPagePermission.objects.count()
    setup_editorial()
    assert GroupPagePermission.objects.count() == before
    assert Group.objects.filter(name__in=[EDITORS, BOARD]).count() == 2


def test_setup_command(db, home, capsys):
    from django.core.management import call_command

    call_command("setup_editorial")
    assert WORKFLOW_NAME in capsys.readouterr().out
    assert home.get_workflow().name == WORKFLOW_NAME
