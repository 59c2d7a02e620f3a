"""Forms that forgive: a refused submission does not count toward the limit and comes back
with everything typed and an error summary at the top linking to each field; at the limit the
form keeps its text and says when to try again; tracking codes are read forgivingly."""

import re

import pytest

from django.urls import reverse

from portal.engagement.models import Question, Report
from portal.engagement.tracking import find

from .conftest import QUESTION, REPORT

pytestmark = pytest.mark.django_db
BROKEN = {**QUESTION, "email": "khong-phai-email", "text": "Ngắn"}


def test_refused_submissions_do_not_count_toward_the_limit(client, home, settings):
    settings.ENGAGEMENT_SUBMIT_RATE = "2/h"
    for _ in range(5):
        assert client.post(reverse("engagement:ask"), BROKEN).status_code == 400
    bad_api = client.post("/api/reports/", {}, content_type="application/json")
    assert bad_api.status_code in (400, 422)
    assert client.post(reverse("engagement:ask"), QUESTION).status_code == 302
    assert client.post("/api/reports/", REPORT, content_type="application/json").status_code == 201
    assert Question.objects.count() == 1 and Report.objects.count() == 1


def test_at_the_limit_the_form_keeps_its_text_and_says_when_to_try_again(client, home, settings):
    settings.ENGAGEMENT_SUBMIT_RATE = "1/h"
    assert client.post(reverse("engagement:ask"), QUESTION).status_code == 302

    response = client.post(reverse("engagement:ask"), {**QUESTION, "title": "Câu hỏi thứ hai"})
    page = response.content.decode()
    assert response.status_code == 429
    assert re.search(r"thử lại sau (59|60) phút \(lúc \d\d:\d\d\)", page)
    assert 'value="Câu hỏi thứ hai"' in page
    assert QUESTION["text"] in page
    api = client.post("/api/reports/", REPORT, content_type="application/json")
    assert api.status_code == 429 and "phút" in api.json()["detail"]


def test_a_refused_form_keeps_its_text_under_a_summary_linking_each_error(client, home):
    refused = {**REPORT, "email": "sai", "description": "Ngắn"}
    response = client.post(reverse("engagement:report"), refused)
    page = response.content.decode()
    assert response.status_code == 400
    summary = page.split('class="error-summary"', 1)[1].split("</div>", 1)[0]
    assert page.index('class="error-summary"') < page.index('action="/phan-anh-kien-nghi/"')
    assert 'tabindex="-1"' in summary.split(">", 1)[0] + ">"
    links = re.findall(r'<a href="#([^"]+)">', summary)
    assert set(links) == {"id_description", "id_email"}
    for field_id in links:
        assert f'id="{field_id}"' in page
    assert 'value="sai"' in page and "Ngắn</textarea>" in page and REPORT["address"] in page


@pytest.mark.parametrize(
    "typed", ["hd 7k4m 2p9o", "HD7K4M2P90", " hd-7k4m-2p9o ", "HD.7K4M.2P9O", "hd–7k4m–2p90"]
)
def test_a_tracking_code_is_read_forgivingly(client, home, typed):
    question = client.post(reverse("engagement:ask"), QUESTION)
    assert question.status_code == 302
    Question.objects.update(code="HD-7K4M-2P90")

    assert find(typed).code == "HD-7K4M-2P90"
    response = client.get(reverse("engagement:lookup"), {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == reverse("engagement:track", args=["HD-7K4M-2P90"])
