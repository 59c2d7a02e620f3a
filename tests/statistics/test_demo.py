"""The demo loads 24 months of records for the demo procedures, once."""

import pytest

from portal.statistics import demo
from portal.statistics.models import AgencyMonth, ProcedureRef, ProcessingRecord

pytestmark = pytest.mark.django_db


def test_demo_loads_two_years_once(home):
    first = demo.load()
    second = demo.load()

    count = len(demo.PROCEDURES) * demo.AGENCIES * demo.MONTHS
    assert first == f"{count} processing records"
    assert "already loaded" in second
    assert ProcessingRecord.objects.count() == count
    assert ProcessingRecord.objects.values("period").distinct().count() == 24
    assert AgencyMonth.objects.count() == demo.AGENCIES * 24
    assert ProcedureRef.objects.count() == len(demo.PROCEDURES)
