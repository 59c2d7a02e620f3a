"""Wagtail's workflow mails reach editors through a real SMTP server with links to the admin at
the portal's public address (the page's own site), in Vietnamese unless the recipient chose
another admin language."""

import re
from email import message_from_bytes
from email.policy import default
from types import SimpleNamespace

import pytest

from django.contrib.auth.models import Group, User
from django.utils import translation

from wagtail.admin.mail import send_notification
from wagtail.models import Site
from wagtail.users.models import UserProfile

from portal.core.editorial import BOARD, EDITORS, setup_editorial
from portal.core.sites import own_pages
from portal.news.factories import NewsPageFactory
from portal.news.models import NewsIndexPage
from portal.news.structure import news_section

pytestmark = pytest.mark.django_db


def member(group, username):
    user = User.objects.create_user(username, f"{username}@example.gov.vn", "mat-khau-dai-1")
    user.groups.add(Group.objects.get(name=group))
    return user


def submit(section, editor, slug="tin-cho-duyet"):
    page = NewsPageFactory.build(title="Tin chờ duyệt", slug=slug, live=False)
    section.add_child(instance=page)
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    page.refresh_from_db()
    return page


def received(inbox, user):
    return [
        message_from_bytes(m["data"].encode(), policy=default)
        for m in inbox.messages
        if m["to"] == [user.email]
    ]


def admin_links(message):
    return re.findall(r"https?://\S+/admin/\S*", message.get_body(("plain",)).get_content())


@pytest.fixture
def national(home, english_home):
    Site.objects.filter(is_default_site=True).update(hostname="cong.example.gov.vn", port=443)
    setup_editorial()
    member(BOARD, "ban-bien-tap")
    return news_section("Tin hoạt động")


def test_the_boards_mail_links_to_the_admin_at_the_sites_public_address(mail_through, national):
    submit(national, member(EDITORS, "bien-tap-vien"))

    (mail,) = received(mail_through, User.objects.get(username="ban-bien-tap"))
    links = admin_links(mail)
    assert links and all(link.startswith("https://cong.example.gov.vn/admin/") for link in links)
    assert "127.0.0.1" not in mail.get_body(("plain",)).get_content()


def test_public_url_is_where_the_links_begin(mail_through, national, settings):
    settings.PUBLIC_URL = "https://portal.example.gov.vn"
    submit(national, member(EDITORS, "bien-tap-vien"))

    (mail,) = received(mail_through, User.objects.get(username="ban-bien-tap"))
    links = admin_links(mail)
    assert links and all(link.startswith("https://portal.example.gov.vn/admin/") for link in links)


def test_a_provincial_pages_mail_links_to_the_provincial_site(mail_through, make_agency_site):
    site = make_agency_site("hanoi.example.gov.vn", "Hà Nội")
    board = member("Ban biên tập – Sở NN&MT Hà Nội", "ban-bien-tap-hn")
    editor = member("Biên tập viên – Sở NN&MT Hà Nội", "bien-tap-vien-hn")
    submit(own_pages(NewsIndexPage.objects.all(), site).first(), editor)

    (mail,) = received(mail_through, board)
    links = admin_links(mail)
    assert links and all(link.startswith("http://hanoi.example.gov.vn/admin/") for link in links)


def test_the_mail_is_vietnamese_even_when_the_editor_works_in_english(mail_through, national):
    with translation.override("en"):
        submit(national, member(EDITORS, "bien-tap-vien"))

    (mail,) = received(mail_through, User.objects.get(username="ban-bien-tap"))
    assert (
        mail["Subject"].strip()
        == "Trang “Tin chờ duyệt” đã được gửi duyệt ở bước “Ban biên tập duyệt”"
    )
    text = mail.get_body(("plain",)).get_content()
    assert text.startswith("Xin chào ban-bien-tap,")
    assert "Xem trước trang tại: https://" in text and "Sửa trang tại: https://" in text
    assert not any(english in text for english in ["Hello", "You can", "has been", "Edit your"])


def test_a_rejection_tells_the_editor_in_vietnamese_with_the_comment(mail_through, national):
    editor = member(EDITORS, "bien-tap-vien")
    page = submit(national, editor)
    task_state = page.current_workflow_task_state
    board = User.objects.get(username="ban-bien-tap")
    task_state.task.specific.on_action(task_state, board, "reject", comment="Bổ sung nguồn tin.")

    (mail,) = received(mail_through, editor)
    assert "đã bị từ chối" in mail["Subject"]
    text = mail.get_body(("plain",)).get_content()
    assert "Ý kiến kèm theo: “Bổ sung nguồn tin.”" in text
    assert "Sửa trang tại: https://cong.example.gov.vn/admin/pages/" in text


def test_a_recipient_who_chose_english_gets_english(mail_through, national):
    board = User.objects.get(username="ban-bien-tap")
    profile = UserProfile.get_for_user(board)
    profile.preferred_language = "en"
    profile.save()
    submit(national, member(EDITORS, "bien-tap-vien"))

    (mail,) = received(mail_through, board)
    assert mail["Subject"].strip().startswith('The page "Tin chờ duyệt" has been submitted')


def test_a_comment_mail_is_vietnamese_with_links_at_the_public_address(mail_through, national):
    editor = member(EDITORS, "bien-tap-vien")
    page = submit(national, editor)
    board = User.objects.get(username="ban-bien-tap")
    mail_through.messages.clear()  # the submission's own mail

    send_notification(
        [board],
        "updated_comments",
        {
            "page": page,
            "editor": editor,
            "new_comments": [SimpleNamespace(text="Thêm ảnh minh họa.")],
            "resolved_comments": [],
            "deleted_comments": [],
            "replied_comments": [],
        },
    )

    (mail,) = received(mail_through, board)
    assert (
        mail["Subject"].strip() == "bien-tap-vien đã cập nhật bình luận trên trang “Tin chờ duyệt”"
    )
    text = mail.get_body(("plain",)).get_content()
    assert "Bình luận mới:" in text and "Thêm ảnh minh họa." in text
    assert "Sửa trang tại: https://cong.example.gov.vn/admin/pages/" in text
