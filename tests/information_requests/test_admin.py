"""Staff handle a request in the admin: a refusal without a ground, or any bad step, is a 400
naming the field with nothing changed; the deadlines view shows each agency's overdue requests."""

import datetime
import json

import pytest

from django.urls import reverse
from django.utils import timezone

from portal.engagement.models import Contact
from portal.engagement.personal_data import erase_expired
from portal.information_requests import handling
from portal.information_requests.models import InformationRequest

from .conftest import REQUEST

pytestmark = pytest.mark.django_db


def test_a_refusal_without_a_ground_is_a_400_naming_the_field(admin_client, home):
    case = handling.submit(REQUEST)
    url = reverse("information_requests_handle", args=[case.pk])

    response = admin_client.post(url, {"action": "refuse", "refuse-note": "Không cung cấp."})

    assert response.status_code == 400
    form = response.context["forms"]["refuse"]
    assert "refusal_ground" in form.errors
    case.refresh_from_db()
    assert case.status == "received" and case.steps.count() == 1


def test_an_extension_without_a_reason_or_twice_is_refused_by_field(admin_client, home):
    case = handling.submit(REQUEST)
    url = reverse("information_requests_handle", args=[case.pk])
    admin_client.post(url, {"action": "classify", "classify-complexity": "complex"})

    empty = admin_client.post(url, {"action": "extend", "extend-reason": ""})
    assert empty.status_code == 400 and "reason" in empty.context["forms"]["extend"].errors
    assert (
        admin_client.post(url, {"action": "extend", "extend-reason": "Cần thêm."}).status_code
        == 302
    )
    again = admin_client.post(url, {"action": "extend", "extend-reason": "Lần nữa."})
    assert again.status_code == 400 and "reason" in again.context["forms"]["extend"].errors


def test_the_deadlines_view_shows_overdue_requests_per_agency(admin_client, home):
    late = handling.submit({**REQUEST, "received_at": timezone.now() - datetime.timedelta(days=20)})
    handling.submit({**REQUEST, "subject": "Bảng giá đất năm 2026"})

    page = admin_client.get(reverse("information_requests_deadlines")).content.decode()
    assert "2 yêu cầu đang giải quyết, 1 quá hạn" in page
    assert late.code in page and "Quá hạn" in page
    listing = admin_client.get(
        reverse("wagtailsnippets_information_requests_informationrequest:list"), {"overdue": "true"}
    ).content.decode()
    assert late.code in listing
    assert InformationRequest.objects.exclude(pk=late.pk).get().code not in listing


def test_the_requesters_identity_is_shown_to_the_agencys_staff_and_erased_after_retention(
    admin_client, home
):
    case = handling.submit(REQUEST)
    page = admin_client.get(reverse("information_requests_handle", args=[case.pk]))
    assert REQUEST["identity_number"] in page.content.decode()

    erase_expired(timezone.now() + datetime.timedelta(days=800))
    case.refresh_from_db()
    assert case.contact is None and case.identity_number == "" and case.erased_at
    assert case.text == "" and case.purpose == ""
    assert not Contact.objects.exists()
    assert case.subject == REQUEST["subject"]  # the register keeps the request, anonymous


def test_staff_export_and_erase_a_requesters_data_by_the_requests_code(admin_client, home):
    case = handling.submit(REQUEST)
    url = reverse("engagement_personal_data")

    exported = json.loads(admin_client.post(url, {"code": case.code, "action": "export"}).content)
    assert exported["contact"]["email"] == REQUEST["email"]
    assert exported["identity_number"] == REQUEST["identity_number"]

    assert admin_client.post(url, {"code": case.code, "action": "erase"}).status_code == 302
    case.refresh_from_db()
    assert case.contact is None and case.identity_number == "" and case.erased_at
