import datetime
from io import StringIO

import pytest

from django.core.management import call_command

from portal.legal.models import LegalDocumentPage, Validity
from portal.legal.validity import computed_validity, refresh_related

TODAY = datetime.date(2025, 6, 1)


def status(page, today=TODAY):
    page.refresh_from_db()
    return computed_validity(page, today)


def test_before_its_effective_date_a_document_is_not_yet_in_force(make_document):
    page = make_document(issued=datetime.date(2025, 5, 1), effective=datetime.date(2025, 7, 1))
    assert status(page) == Validity.NOT_YET_IN_FORCE


def test_after_its_effective_date_a_document_is_in_force(make_document):
    page = make_document(issued=datetime.date(2025, 1, 1), effective=datetime.date(2025, 3, 1))
    assert status(page) == Validity.IN_FORCE


def test_issue_date_stands_in_for_a_missing_effective_date(make_document):
    page = make_document(issued=datetime.date(2025, 1, 1), effective=None)
    assert status(page) == Validity.IN_FORCE


def test_on_its_expiry_date_a_document_has_expired(make_document):
    page = make_document(
        issued=datetime.date(2020, 1, 1),
        effective=datetime.date(2020, 1, 1),
        expires=datetime.date(2025, 6, 1),
    )
    assert status(page) == Validity.EXPIRED
    assert status(page, today=datetime.date(2025, 5, 31)) == Validity.IN_FORCE


def test_a_document_without_dates_is_unknown(make_document):
    page = make_document(issued=None, effective=None)
    assert status(page) == Validity.UNKNOWN


def test_a_document_replaced_by_one_in_force_has_wholly_expired(make_document):
    old = make_document(number="45/2013/QH13", issued=datetime.date(2013, 11, 29))
    make_document(
        number="31/2024/QH15",
        issued=datetime.date(2024, 1, 18),
        effective=datetime.date(2024, 8, 1),
        relations=[("replaces", "45/2013/QH13")],
    )
    assert status(old) == Validity.EXPIRED
    # Until the replacing law takes effect, the old one is still in force.
    assert status(old, today=datetime.date(2024, 7, 31)) == Validity.IN_FORCE


def test_a_document_amended_by_one_in_force_has_partly_expired(make_document):
    decree = make_document(number="08/2022/NĐ-CP", issued=datetime.date(2022, 1, 10))
    make_document(
        number="05/2025/NĐ-CP",
        issued=datetime.date(2025, 1, 6),
        effective=datetime.date(2025, 1, 6),
        relations=[("amends", "08/2022/NĐ-CP")],
    )
    assert status(decree) == Validity.PARTLY_EXPIRED


def test_guiding_or_citing_a_document_does_not_change_its_status(make_document):
    law = make_document(number="72/2020/QH14", issued=datetime.date(2020, 11, 17))
    make_document(relations=[("guides", "72/2020/QH14"), ("based_on", "72/2020/QH14")])
    assert status(law) == Validity.IN_FORCE


def test_editor_override_wins_and_is_stored(make_document):
    page = make_document(issued=datetime.date(2025, 1, 1))
    page.validity_override = Validity.PARTLY_EXPIRED
    page.validity_note = "Điều 5 bị bãi bỏ bởi Nghị quyết của Quốc hội."
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.validity == Validity.PARTLY_EXPIRED


def test_daily_command_stores_statuses_that_changed_with_the_calendar(make_document):
    page = make_document(issued=datetime.date(2020, 1, 1), expires=datetime.date(2021, 1, 1))
    LegalDocumentPage.objects.filter(pk=page.pk).update(validity=Validity.IN_FORCE)
    out = StringIO()
    call_command("update_legal_validity", stdout=out)
    page.refresh_from_db()
    assert page.validity == Validity.EXPIRED
    assert out.getvalue().startswith("1 ")


def test_publishing_a_replacing_document_updates_the_replaced_one(make_document):
    old = make_document(number="17/2012/QH13", issued=datetime.date(2012, 6, 21))
    new = make_document(number="28/2023/QH15", issued=datetime.date(2023, 11, 27))
    assert LegalDocumentPage.objects.get(pk=old.pk).validity == Validity.IN_FORCE
    new.relations.create(relation_type="replaces", target_number="17/2012/QH13")
    new.save_revision().publish()
    assert LegalDocumentPage.objects.get(pk=old.pk).validity == Validity.EXPIRED
    new.unpublish()
    assert LegalDocumentPage.objects.get(pk=old.pk).validity == Validity.IN_FORCE


@pytest.mark.parametrize("status_value", [Validity.EXPIRED, Validity.UNKNOWN])
def test_refresh_keeps_the_override(make_document, status_value):
    page = make_document(validity_override=status_value)
    refresh_related(page)
    page.refresh_from_db()
    assert page.validity == status_value
