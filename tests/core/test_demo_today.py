"""The demo shows the administration as it is today: the Ministry of Agriculture and
Environment (since 1 March 2025), 34 provinces and cities (since 1 July 2025), the central,
province and commune levels; older records keep the names they were issued under."""

import pytest

from django.core.management import call_command

from wagtail.models import Site

from portal.core.models import Agency, AgencySettings
from portal.legal.models import LegalDocumentPage
from portal.news.models import NewsPage
from portal.procedures.models import ProcedurePage

pytestmark = pytest.mark.django_db

CURRENT = "Bộ Nông nghiệp và Môi trường"
FORMER = "Bộ Tài nguyên và Môi trường"


@pytest.fixture
def demo():
    call_command("load_demo")


def test_the_portal_belongs_to_the_current_ministry(client, demo):
    settings = AgencySettings.for_site(Site.objects.get(is_default_site=True))

    assert settings.agency_name == CURRENT
    assert settings.agency_name_en == "Ministry of Agriculture and Environment"
    assert CURRENT in client.get("/").content.decode()
    departments = Agency.objects.filter(level=Agency.Level.DEPARTMENT)
    assert departments.exists()
    assert {department.parent.name for department in departments} == {CURRENT}


def test_there_is_one_provincial_department_for_each_of_the_34_provinces(demo):
    provincial = Agency.objects.filter(level=Agency.Level.PROVINCIAL)

    assert provincial.count() == 34
    assert all(a.name.startswith("Sở Nông nghiệp và Môi trường ") for a in provincial)
    # Provinces merged on 1 July 2025 are gone; those that absorbed them remain.
    names = {a.name.removeprefix("Sở Nông nghiệp và Môi trường ") for a in provincial}
    assert {"Hà Nội", "Thành phố Hồ Chí Minh", "An Giang", "Vĩnh Long"} <= names
    assert not names & {"Bình Dương", "Kiên Giang", "Bến Tre", "Hà Giang"}


def test_procedures_use_only_the_levels_that_exist_today(demo):
    levels = {level for page in ProcedurePage.objects.all() for level in page.levels}

    assert levels <= {"central", "province", "commune", "industrial_zone"}
    assert "district" not in levels
    agencies = {
        agency.name
        for page in ProcedurePage.objects.all()
        for agency in page.implementing_agencies.all()
    }
    assert not any("Tài nguyên và Môi trường" in name for name in agencies)


def test_older_records_keep_their_historical_names(demo):
    old = LegalDocumentPage.objects.get(number="02/2022/TT-BTNMT")
    new = LegalDocumentPage.objects.get(number="25/2026/TT-BNNMT")

    assert old.issuer.name == FORMER
    assert new.issuer.name == CURRENT
    for item in NewsPage.objects.filter(locale__language_code="vi"):
        expected = CURRENT if item.publish_date.date().isoformat() >= "2025-03-01" else FORMER
        if item.source in (CURRENT, FORMER):
            assert item.source == expected, item.title
