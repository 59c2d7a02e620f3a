"""Cases belong to an agency: a question or report is the case of the agency of the site it was
sent on (or of the province chosen on the ministry's site); each agency's case desk, made by
`create_agency_site`, sees and handles only its own cases; a tracking code answers on its own
agency's site and on the ministry's; a transfer moves the case."""

import pytest

from django.contrib.auth.models import Group, User
from django.urls import reverse

from portal.engagement import handling
from portal.engagement.choices import ReportStatus
from portal.engagement.models import CaseDesk, Question, Report

from .conftest import QUESTION, REPORT

HANOI, DANANG = "hanoi.localhost", "danang.localhost"


@pytest.fixture
def sites(make_agency_site):
    return make_agency_site(HANOI, "Hà Nội"), make_agency_site(DANANG, "Đà Nẵng")


def send(client, path, body, host):
    response = client.post(path, body, content_type="application/json", HTTP_HOST=host)
    assert response.status_code == 201, response.content
    return response.json()["code"]


def desk_member(site, username):
    user = User.objects.create_user(username, f"{username}@example.gov.vn", "mat-khau-dai-1")
    user.groups.add(CaseDesk.objects.get(site=site).group)
    return user


def test_a_case_belongs_to_the_agency_of_the_site_it_was_sent_on(client, sites):
    hanoi, danang = sites
    report = send(client, "/api/reports/", {**REPORT, "province": "Đà Nẵng"}, HANOI)
    question = send(client, "/api/questions/", {**QUESTION, "province": "Đà Nẵng"}, "localhost")

    assert Report.objects.get(code=report).site == hanoi
    assert Question.objects.get(code=question).site == danang  # chosen on the ministry's site


def test_a_tracking_code_answers_on_its_own_site_and_the_ministrys_only(client, sites):
    code = send(client, "/api/reports/", REPORT, HANOI)

    for host, status in ((HANOI, 200), ("localhost", 200), (DANANG, 404)):
        response = client.get(f"/api/reports/{code}/", HTTP_HOST=host)
        assert response.status_code == status, host
        page = client.get(f"/tra-cuu-ho-so/?code={code}", HTTP_HOST=host, follow=True)
        assert page.status_code == status, host


def test_create_agency_site_makes_a_desk_that_handles_only_its_agencys_cases(client, sites):
    hanoi, danang = sites
    assert Group.objects.filter(name__startswith="Tiếp nhận và trả lời – ").count() == 2
    own = send(client, "/api/reports/", {**REPORT, "description": "Khói ở Hà Nội"}, HANOI)
    other = send(client, "/api/reports/", {**REPORT, "description": "Khói ở Đà Nẵng"}, DANANG)
    other_question = send(client, "/api/questions/", QUESTION, DANANG)
    client.force_login(desk_member(hanoi, "tiepnhan_hanoi"))

    listing = client.get(reverse("wagtailsnippets_engagement_report:list")).content.decode()
    assert own in listing and other not in listing
    questions = client.get(reverse("wagtailsnippets_engagement_question:list"))
    assert questions.status_code == 200 and other_question not in questions.content.decode()
    theirs = Report.objects.get(code=other)
    for url in (
        reverse("wagtailsnippets_engagement_report:edit", args=[theirs.pk]),
        reverse("wagtailsnippets_engagement_report:inspect", args=[theirs.pk]),
    ):
        refused = client.get(url)  # Wagtail's "permission denied": back to the dashboard
        assert (refused.status_code, refused.get("Location")) == (302, "/admin/"), url
    assert client.get(reverse("engagement_report_status", args=[theirs.pk])).status_code == 404
    mine = Report.objects.get(code=own)
    edit = reverse("wagtailsnippets_engagement_report:edit", args=[mine.pk])
    assert client.get(edit).status_code == 200


def test_a_transfer_moves_the_case_to_the_other_agency(client, sites):
    hanoi, danang = sites
    code = send(client, "/api/reports/", REPORT, HANOI)
    report = Report.objects.get(code=code)
    handling.change_status(report, ReportStatus.TRANSFERRED, site=danang)

    assert Report.objects.get(code=code).site == danang
    assert client.get(f"/api/reports/{code}/", HTTP_HOST=DANANG).status_code == 200
    assert client.get(f"/api/reports/{code}/", HTTP_HOST=HANOI).status_code == 404
    client.force_login(desk_member(hanoi, "tiepnhan_hanoi"))
    listing = client.get(reverse("wagtailsnippets_engagement_report:list")).content.decode()
    assert code not in listing


def test_ministry_staff_see_every_agencys_cases(client, sites):
    hanoi, _danang = sites
    codes = [send(client, "/api/reports/", REPORT, host) for host in (HANOI, DANANG)]
    ministry = User.objects.create_user("bo", "bo@example.gov.vn", "mat-khau-dai-1")
    ministry.user_permissions.add(*CaseDesk.objects.get(site=hanoi).group.permissions.all())
    client.force_login(ministry)

    listing = client.get(reverse("wagtailsnippets_engagement_report:list")).content.decode()
    assert all(code in listing for code in codes)
