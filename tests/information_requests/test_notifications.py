"""The requester is mailed at each step through a real SMTP server: received (with the code and
due date), classified (the new due date), extended (the public reason), answered, refused;
the emails say nothing of the staff and carry only the code's public view."""

from email import message_from_bytes
from email.policy import default

import pytest

from django.contrib.auth.models import User
from django.urls import reverse

from portal.information_requests.models import InformationRequest

from .conftest import REQUEST, post

pytestmark = pytest.mark.django_db


def bodies(inbox):
    found = []
    for raw in inbox.messages:
        assert raw["to"] == [REQUEST["email"]]
        message = message_from_bytes(raw["data"].encode(), policy=default)
        found.append((message["Subject"], message.get_body(("plain",)).get_content()))
    inbox.messages.clear()
    return found


def act(client, case, action, data, runner):
    url = reverse("information_requests_handle", args=[case.pk])
    fields = {f"{action}-{key}": value for key, value in data.items()}
    with runner(execute=True):
        response = client.post(url, {"action": action, **fields})
    assert response.status_code == 302, response.content.decode()[:3000]


def test_the_requester_hears_of_every_step(
    client, admin_client, admin_user, home, mail_through, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        code = post(client, REQUEST).json()["code"]
    case = InformationRequest.objects.get()
    [(subject, text)] = bodies(mail_through)
    assert code in subject and code in text
    assert f"/yeu-cau-cung-cap-thong-tin/{code}/" in text

    act(
        admin_client,
        case,
        "classify",
        {"complexity": "complex"},
        django_capture_on_commit_callbacks,
    )
    case.refresh_from_db()
    [(subject, text)] = bodies(mail_through)
    assert "Đang giải quyết" in subject and case.due.strftime("%d/%m/%Y") in text

    reason = "Cần tập hợp hồ sơ từ ba đơn vị."
    act(admin_client, case, "extend", {"reason": reason}, django_capture_on_commit_callbacks)
    case.refresh_from_db()
    [(subject, text)] = bodies(mail_through)
    assert "Đã gia hạn" in subject and reason in text and case.due.strftime("%d/%m/%Y") in text

    act(
        admin_client,
        case,
        "answer",
        {"answer": "Xin gửi kèm quyết định."},
        django_capture_on_commit_callbacks,
    )
    [(subject, text)] = bodies(mail_through)
    assert "Đã cung cấp thông tin" in subject

    for raw_text in (subject, text):
        for other in (admin_user.username, admin_user.email):
            assert other not in raw_text


def test_a_refusal_tells_the_requester_its_ground(
    client, admin_client, home, mail_through, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(client, REQUEST)
    case = InformationRequest.objects.get()
    bodies(mail_through)

    act(
        admin_client,
        case,
        "refuse",
        {"refusal_ground": "art28-1b", "note": "Đã đăng tại mục Quy hoạch."},
        django_capture_on_commit_callbacks,
    )
    [(subject, text)] = bodies(mail_through)
    assert "Từ chối cung cấp" in subject
    assert "Điều 28 khoản 1 điểm b" in text and "Đã đăng tại mục Quy hoạch." in text


def test_staff_of_another_agency_cannot_reach_a_request(client, make_agency_site):
    make_agency_site("hanoi.localhost", "Hà Nội")
    danang = make_agency_site("danang.localhost", "Đà Nẵng")
    post(client, REQUEST, HTTP_HOST="hanoi.localhost")
    case = InformationRequest.objects.get()
    other = User.objects.create_user("dn", "dn@example.gov.vn", "mat-khau-dai-1")
    other.groups.add(danang.casedesk.group)
    client.force_login(other)

    assert client.get(reverse("information_requests_handle", args=[case.pk])).status_code == 404
    listing = client.get(reverse("wagtailsnippets_information_requests_informationrequest:list"))
    assert listing.status_code == 200 and case.code not in listing.content.decode()
    deadlines = client.get(reverse("information_requests_deadlines")).content.decode()
    assert case.code not in deadlines and REQUEST["name"] not in deadlines
