"""`POST /api/information-requests/` answers 201 with a code and the due date; bad input is a
4xx naming the field with nothing saved; the register and the code's page show a late request
as late; the requester's identity appears nowhere public."""

import datetime

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from portal.core.working_days import add_working_days
from portal.information_requests import handling
from portal.information_requests.models import InformationRequest

from .conftest import PRIVATE, REQUEST, post

pytestmark = pytest.mark.django_db


def test_a_request_gets_a_code_and_its_due_date(client, home):
    response = post(client, REQUEST)

    assert response.status_code == 201, response.content
    body = response.json()
    made = InformationRequest.objects.get()
    assert body["code"] == made.code and made.code.startswith("YC-")
    assert body["due"] == add_working_days(timezone.localdate(), 3).isoformat()
    assert (
        made.contact.name == REQUEST["name"] and made.identity_number == REQUEST["identity_number"]
    )


@pytest.mark.parametrize(
    "change, field",
    [
        ({"consent": False}, "consent"),
        ({"identity_number": "12"}, "identity_number"),
        ({"delivery": "pigeon"}, "delivery"),
        ({"subject": ""}, "subject"),
        ({"email": "khong-phai-email"}, "email"),
    ],
)
def test_bad_input_is_a_400_naming_the_field_and_saves_nothing(client, home, change, field):
    response = post(client, {**REQUEST, **change})

    assert response.status_code == 400
    assert field in [error["field"] for error in response.json()["errors"]]
    assert not InformationRequest.objects.exists()


def test_a_missing_field_is_named(client, home):
    body = {key: value for key, value in REQUEST.items() if key != "purpose"}
    response = post(client, body)
    assert response.status_code in (400, 422)
    assert "purpose" in response.content.decode()
    assert not InformationRequest.objects.exists()


def test_only_json_is_taken(client, home):
    response = client.post("/api/information-requests/", REQUEST)  # a multipart form
    assert response.status_code == 415
    assert not InformationRequest.objects.exists()


def test_the_challenge_guards_the_api_as_other_submissions(client, home, settings):
    settings.ENGAGEMENT_CAPTCHA = "on"
    response = post(client, REQUEST)
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "challenge_answer"
    assert not InformationRequest.objects.exists()


def late_request():
    received = timezone.now() - datetime.timedelta(days=21)
    request = handling.submit({**REQUEST, "received_at": received})
    handling.classify(request, "simple")
    return request


def test_a_late_request_shows_as_late_in_the_register_and_the_api(client, home):
    late = late_request()
    on_time = handling.submit({**REQUEST, "subject": "Bảng giá đất năm 2026"})

    rows = {
        row["subject"]: row for row in client.get("/api/information-requests/").json()["results"]
    }
    assert rows[late.subject]["overdue"] is True
    assert rows[late.subject]["overdue_working_days"] >= 10
    assert rows[on_time.subject]["overdue"] is False
    assert client.get(f"/api/information-requests/{late.code}/").json()["overdue"] is True

    page = client.get("/yeu-cau-cung-cap-thong-tin/").content.decode()
    late_row = page.split(late.subject)[1].split("</li>")[0]
    assert "quá hạn" in late_row
    assert "quá hạn" not in page.split(on_time.subject)[1].split("</li>")[0]


def test_an_answer_is_public_only_when_the_agency_publishes_it(client, home):
    kept = handling.submit(REQUEST)
    handling.answer(kept, "Bản sao quyết định được gửi qua thư điện tử.", publish=False)
    shown = handling.submit({**REQUEST, "subject": "Kế hoạch sử dụng đất năm 2026"})
    handling.answer(shown, "Kế hoạch đăng tại mục Quy hoạch.", publish=True)

    rows = {
        row["subject"]: row for row in client.get("/api/information-requests/").json()["results"]
    }
    assert rows[kept.subject]["answer"] == "" and rows[kept.subject]["status"] == "answered"
    assert rows[shown.subject]["answer"] == "Kế hoạch đăng tại mục Quy hoạch."
    # The requester, holding the code, sees the answer either way.
    tracked = client.get(f"/api/information-requests/{kept.code}/").json()
    assert tracked["answer"] == "Bản sao quyết định được gửi qua thư điện tử."


def test_a_refusal_names_its_ground_in_the_register(client, home):
    refused = handling.submit(REQUEST)
    handling.refuse(refused, "art28-1c", "Thông tin do Bộ Tài chính nắm giữ.")
    [row] = client.get("/api/information-requests/").json()["results"]
    assert row["status"] == "refused" and row["refusal_ground"] == "art28-1c"
    assert "Điều 28 khoản 1 điểm c" in row["refusal_ground_label"]


def test_the_requesters_identity_is_on_no_public_page_or_api(client, home):
    code = post(client, REQUEST).json()["code"]
    made = InformationRequest.objects.get()
    handling.classify(made, "complex")
    handling.extend(made, "Cần tập hợp từ nhiều đơn vị.")

    public = [
        client.get("/api/information-requests/").content.decode(),
        client.get(f"/api/information-requests/{code}/").content.decode(),
        client.get("/yeu-cau-cung-cap-thong-tin/").content.decode(),
        client.get(f"/yeu-cau-cung-cap-thong-tin/{code}/").content.decode(),
        client.get("/en/yeu-cau-cung-cap-thong-tin/").content.decode(),
    ]
    for text in public:
        for field in PRIVATE:
            assert REQUEST[field] not in text, field
    assert code not in public[0] and code not in public[2], "codes stay with their holders"


def test_a_code_answers_on_its_agencys_site_and_the_ministrys_only(client, make_agency_site):
    make_agency_site("hanoi.localhost", "Hà Nội")
    make_agency_site("danang.localhost", "Đà Nẵng")
    code = post(client, REQUEST, HTTP_HOST="hanoi.localhost").json()["code"]
    assert InformationRequest.objects.get().site.hostname == "hanoi.localhost"

    for host, status in (("hanoi.localhost", 200), ("localhost", 200), ("danang.localhost", 404)):
        response = client.get(f"/api/information-requests/{code}/", HTTP_HOST=host)
        assert response.status_code == status, host
        registered = client.get("/api/information-requests/", HTTP_HOST=host).json()["total"]
        assert registered == (0 if host == "danang.localhost" else 1), host


def test_a_malformed_code_is_a_400_naming_the_code(client, home):
    response = client.get("/api/information-requests/khong-phai-ma/")
    assert response.status_code == 400
    assert "code" in response.content.decode()


def test_an_answers_files_reach_the_code_holder_and_the_public_only_once_published(client, home):
    kept = handling.submit(REQUEST)
    handling.answer(kept, "Gửi kèm.", files=[SimpleUploadedFile("qd.pdf", b"%PDF-1.4 giao dat")])
    [url] = [
        item["url"]
        for item in client.get(f"/api/information-requests/{kept.code}/").json()["attachments"]
    ]
    assert kept.code in url
    assert b"".join(client.get(url).streaming_content) == b"%PDF-1.4 giao dat"
    file_id = kept.attachments.get().pk
    assert client.get(f"/yeu-cau-cung-cap-thong-tin/tep/{file_id}/").status_code == 404
    assert "qd.pdf" not in client.get("/api/v2/documents/").content.decode()

    kept.answer_public = True
    kept.save()
    [row] = client.get("/api/information-requests/").json()["results"]
    assert kept.code not in row["attachments"][0]["url"]
    assert client.get(row["attachments"][0]["url"]).status_code == 200


def test_no_shared_cache_keeps_a_requests_status_or_the_register(client, home, page_cache):
    code = post(client, REQUEST).json()["code"]
    status = client.get(f"/api/information-requests/{code}/")
    assert status.status_code == 200 and status["Cache-Control"] == "private, no-store"
    assert client.get("/api/information-requests/")["Cache-Control"] == "no-cache"
    assert client.get("/yeu-cau-cung-cap-thong-tin/")["Cache-Control"] == "no-cache"


def test_a_subject_naming_the_requester_is_on_the_register_without_their_details(client, home):
    subject = f"Hồ sơ đất của {REQUEST['name']}, gọi {REQUEST['phone']} hoặc CCCD 001190054321"
    post(client, {**REQUEST, "subject": subject})

    for register in (
        client.get("/api/information-requests/").json()["results"][0]["subject"],
        client.get("/yeu-cau-cung-cap-thong-tin/").content.decode(),
    ):
        assert "Hồ sơ đất của" in register
        assert REQUEST["name"] not in register and REQUEST["phone"] not in register
        assert "001190054321" not in register
