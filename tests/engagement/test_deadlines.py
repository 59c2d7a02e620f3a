"""Reports' deadlines in working days (weekends and the editable holiday calendar, Tết
included): the tracking page and the API show the deadline and how many working days a report
is overdue; the staff are reminded before a deadline and told when it passes (real SMTP); the
admin home counts overdue reports per agency."""

import datetime
from email import message_from_string
from email.policy import default

import pytest

from django.contrib.auth.models import Permission, User

from portal.core.factories import AgencyFactory
from portal.core.models import PublicHoliday
from portal.core.working_days import add_working_days, working_days_after
from portal.engagement.deadlines import send_reminders
from portal.engagement.factories import ReportFactory
from portal.engagement.models import Report

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


def test_a_deadline_in_working_days_skips_weekends_and_tet(db):
    # Received on Thursday 12 February 2026: Tết runs from Saturday 14 to Sunday 22 February.
    assert add_working_days(datetime.date(2026, 2, 12), 10) == datetime.date(2026, 3, 5)
    assert working_days_after(datetime.date(2026, 2, 12), datetime.date(2026, 2, 23)) == 2


def test_the_holiday_calendar_is_editable(db):
    friday = datetime.date(2030, 5, 3)
    assert add_working_days(friday, 1) == datetime.date(2030, 5, 6)
    PublicHoliday.objects.create(date=datetime.date(2030, 5, 6), name="Nghỉ bù")
    assert add_working_days(friday, 1) == datetime.date(2030, 5, 7)


def test_an_overdue_report_shows_as_overdue_by_its_code(client, home):
    deadline = TODAY - datetime.timedelta(days=20)
    late = ReportFactory(deadline=deadline)
    days = working_days_after(deadline, TODAY)
    assert days >= 1

    page = client.get(f"/tra-cuu-ho-so/{late.code.lower().replace('-', ' ')}/", follow=True)
    text = page.content.decode()
    assert deadline.strftime("%d/%m/%Y") in text
    assert f"quá hạn {days} ngày làm việc" in text
    body = client.get(f"/api/reports/{late.code}/").json()
    assert body["deadline"] == deadline.isoformat()
    assert body["overdue"] is True and body["overdue_working_days"] == days

    on_time = ReportFactory(deadline=TODAY + datetime.timedelta(days=7))
    assert "quá hạn" not in client.get(f"/tra-cuu-ho-so/{on_time.code}/").content.decode()
    assert client.get(f"/api/reports/{on_time.code}/").json()["overdue"] is False


def test_staff_are_reminded_before_a_deadline_and_told_when_it_passes(mail_through, home):
    handler = User.objects.create_user("xu-ly", "xu-ly@example.gov.vn", "mat-khau-dai-1")
    handler.user_permissions.add(Permission.objects.get(codename="change_report"))
    User.objects.create_user("khac", "khac@example.gov.vn", "mat-khau-dai-2")
    soon = ReportFactory(deadline=add_working_days(TODAY, 1))
    late = ReportFactory(deadline=TODAY - datetime.timedelta(days=1))
    ReportFactory(deadline=TODAY - datetime.timedelta(days=1), status="resolved")
    ReportFactory(deadline=add_working_days(TODAY, 5))

    assert send_reminders() == (1, 1)
    assert send_reminders() == (0, 0)  # each once

    messages = [message_from_string(m["data"], policy=default) for m in mail_through.messages]
    subjects = sorted(message["Subject"] for message in messages)
    assert len(subjects) == 2
    assert any(soon.code in subject and "sắp đến hạn" in subject for subject in subjects)
    assert any(late.code in subject and "đã quá hạn" in subject for subject in subjects)
    assert {message["To"] for message in messages} == {"xu-ly@example.gov.vn"}
    assert Report.objects.filter(overdue_notice_at__isnull=False).get() == late


def test_the_admin_home_counts_overdue_reports_per_agency(client, home):
    client.force_login(User.objects.create_superuser("quan-tri", "qt@example.gov.vn", "x"))
    hanoi = AgencyFactory(name="Sở Nông nghiệp và Môi trường Hà Nội")
    for _ in range(2):
        ReportFactory(deadline=TODAY - datetime.timedelta(days=3), agency=hanoi)
    ReportFactory(deadline=TODAY + datetime.timedelta(days=3), agency=hanoi)

    page = client.get("/admin/").content.decode()
    panel = page.split("Phản ánh quá hạn xử lý", 1)[1].split("</section>", 1)[0]
    assert "<td>Sở Nông nghiệp và Môi trường Hà Nội</td><td>2</td>" in panel
    listing = client.get("/admin/snippets/engagement/report/").content.decode()
    assert "Quá hạn" in listing
