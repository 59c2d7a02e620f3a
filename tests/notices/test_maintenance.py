"""Planned downtime is announced at least 7 working days ahead (Decree 224/2026/NĐ-CP Art. 13),
shown on every page of the sites it affects, and given to apps in /api/notices/."""

import datetime

import pytest

from django.contrib.auth.models import User
from django.utils import timezone

from portal.core.models import PublicHoliday
from portal.core.working_days import add_working_days, is_working_day

HANOI, DANANG = "hanoi.localhost", "danang.localhost"
ADD = "/admin/snippets/notices/maintenancenotice/add/"
MESSAGE = "Cổng thông tin tạm dừng để nâng cấp hệ thống máy chủ."


@pytest.fixture
def sites(make_agency_site):
    return make_agency_site(HANOI, "Hà Nội"), make_agency_site(DANANG, "Đà Nẵng")


@pytest.fixture
def editor(client):
    client.force_login(User.objects.create_superuser("quan-tri", "qt@example.gov.vn", "x"))
    return client


def announce(client, start_day, sites=()):
    start = datetime.datetime.combine(start_day, datetime.time(22, 0))
    return client.post(
        ADD,
        {
            "message": MESSAGE,
            "starts_at": f"{start:%Y-%m-%d %H:%M}",
            "ends_at": f"{start + datetime.timedelta(hours=4):%Y-%m-%d %H:%M}",
            "services_kept": "Tra cứu thủ tục hành chính",
            "sites": [site.pk for site in sites],
        },
    )


@pytest.mark.django_db
def test_a_notice_six_working_days_ahead_over_a_holiday_is_refused(editor, sites):
    from portal.notices.models import MaintenanceNotice

    today = timezone.localdate()
    holiday = add_working_days(today, 2)
    PublicHoliday.objects.create(date=holiday, name="Ngày nghỉ thử")
    # Seven working days by weekdays alone, six once the holiday is not counted.
    start = add_working_days(today, 7, off=frozenset())
    assert is_working_day(start)

    response = announce(editor, start, sites[:1])

    assert response.status_code == 200
    page = response.content.decode()
    assert "ít nhất 7 ngày làm việc" in page
    earliest = add_working_days(today, 7)
    assert f"{earliest:%d/%m/%Y}" in page
    assert not MaintenanceNotice.objects.exists()


@pytest.mark.django_db
def test_a_notice_seven_working_days_ahead_shows_on_every_page_of_its_site_and_in_the_api(
    editor, sites, client, content_cache, settings
):
    settings.PAGE_CACHE_SECONDS = 3600
    hanoi, _ = sites
    client.logout()
    before = client.get("/", HTTP_HOST=HANOI).content.decode()  # cached before the notice
    assert MESSAGE not in before

    editor.force_login(User.objects.get(username="quan-tri"))
    start_day = add_working_days(timezone.localdate(), 7)
    assert announce(editor, start_day, [hanoi]).status_code == 302
    editor.logout()

    for path in ["/", "/tim-kiem/?q=giay+phep", "/hoi-dap/", "/khong-co-trang-nay/"]:
        shown = client.get(path, HTTP_HOST=HANOI).content.decode()
        assert MESSAGE in shown, path
        assert f"{start_day:%d/%m/%Y}" in shown and "Tra cứu thủ tục hành chính" in shown, path
        assert MESSAGE not in client.get(path, HTTP_HOST=DANANG).content.decode(), path

    listed = client.get("/api/notices/", HTTP_HOST=HANOI).json()
    assert [notice["message"] for notice in listed] == [MESSAGE]
    assert listed[0]["under_way"] is False
    assert client.get("/api/notices/", HTTP_HOST=DANANG).json() == []


@pytest.mark.django_db
def test_a_notice_naming_no_site_shows_on_every_site(editor, sites, client):
    start_day = add_working_days(timezone.localdate(), 10)
    assert announce(editor, start_day).status_code == 302
    editor.logout()

    for host in (HANOI, DANANG, "testserver"):
        assert MESSAGE in client.get("/", HTTP_HOST=host).content.decode(), host


@pytest.mark.django_db
def test_an_end_before_the_start_is_refused_naming_the_field(editor, sites):
    from portal.notices.models import MaintenanceNotice

    start = datetime.datetime.combine(
        add_working_days(timezone.localdate(), 8), datetime.time(22, 0)
    )
    response = editor.post(
        ADD,
        {
            "message": MESSAGE,
            "starts_at": f"{start:%Y-%m-%d %H:%M}",
            "ends_at": f"{start - datetime.timedelta(hours=1):%Y-%m-%d %H:%M}",
        },
    )

    assert response.status_code == 200
    assert "Thời điểm kết thúc phải sau thời điểm bắt đầu." in response.content.decode()
    assert not MaintenanceNotice.objects.exists()
