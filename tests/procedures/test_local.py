"""National catalogue, local implementation: each provincial site serves the national
procedures it implements with its own details where it sets them, plus its local-only ones."""

import pytest

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from wagtail.models import Site

from portal.core.models import Agency
from portal.procedures.factories import ProcedurePageFactory
from portal.procedures.models import (
    LocalImplementation,
    ProcedureChannel,
    ProcedureIndexPage,
    ProcedurePage,
)

HANOI = {"HTTP_HOST": "hanoi.localhost"}
DANANG = {"HTTP_HOST": "danang.localhost"}
CATALOGUE = "/thu-tuc-hanh-chinh/"


@pytest.fixture
def hanoi_override(hanoi, national_procedure):
    return LocalImplementation.objects.create(
        site=hanoi,
        procedure=national_procedure,
        implementing_agency=Agency.objects.create(
            name="Chi nhánh Văn phòng đăng ký đất đai Hà Nội"
        ),
        processing_time="10 ngày làm việc",
        online_level="full",
    )


def local_only(site, code="1.900001", name="Cấp phép khai thác nước ngầm nội đô"):
    """A procedure only this site carries out: a page under its own catalogue."""
    catalogue = ProcedureIndexPage.objects.child_of(site.root_page).get()
    return ProcedurePageFactory(parent=catalogue, code=code, name=name, levels=["province"])


def page_text(client, path, host):
    response = client.get(path, **host)
    assert response.status_code == 200, (path, host, response.status_code)
    return response.content.decode()


def test_local_override_shows_on_its_site_and_not_on_the_other(
    client, hanoi_override, danang, national_procedure
):
    path = f"{CATALOGUE}{national_procedure.slug}/"
    hanoi_page = page_text(client, path, HANOI)
    assert "10 ngày làm việc" in hanoi_page
    assert "20 ngày làm việc" not in hanoi_page
    assert "Chi nhánh Văn phòng đăng ký đất đai Hà Nội" in hanoi_page
    assert "Dịch vụ công trực tuyến toàn trình" in hanoi_page

    danang_page = page_text(client, path, DANANG)
    assert "20 ngày làm việc" in danang_page
    assert "10 ngày làm việc" not in danang_page
    assert "Chi nhánh Văn phòng đăng ký đất đai Hà Nội" not in danang_page
    assert "Dịch vụ công trực tuyến một phần" in danang_page


def test_editing_the_national_record_reaches_every_site_that_does_not_override_it(
    client, hanoi_override, danang, national_procedure
):
    revision_page = ProcedurePage.objects.get(pk=national_procedure.pk)
    revision_page.channels = [
        ProcedureChannel(method="direct", processing_time="15 ngày làm việc", fees="80.000 đồng")
    ]
    revision_page.receiving_address = "Trung tâm Phục vụ hành chính công"
    revision_page.save_revision().publish()

    path = f"{CATALOGUE}{national_procedure.slug}/"
    hanoi_page = page_text(client, path, HANOI)
    # Hà Nội overrides the time only: the new fees and address reach it, its time stays.
    assert "80.000 đồng" in hanoi_page and "100.000 đồng" not in hanoi_page
    assert "Trung tâm Phục vụ hành chính công" in hanoi_page
    assert "10 ngày làm việc" in hanoi_page and "15 ngày làm việc" not in hanoi_page
    danang_page = page_text(client, path, DANANG)
    assert "80.000 đồng" in danang_page and "15 ngày làm việc" in danang_page


def test_provincial_catalogue_lists_national_and_its_own_procedures_under_its_address(
    client, hanoi, danang, national_procedure
):
    own = local_only(hanoi)
    listing = page_text(client, CATALOGUE, HANOI)
    assert own.code in listing and national_procedure.code in listing
    links = [part.split('"')[0] for part in listing.split('href="')[1:]]
    # The national procedure under Hà Nội's own address, not the ministry's.
    assert f"http://hanoi.localhost{CATALOGUE}{national_procedure.slug}/" in links

    assert own.code not in page_text(client, CATALOGUE, DANANG)
    assert client.get(f"{CATALOGUE}{own.slug}/", **DANANG).status_code == 404
    assert page_text(client, f"{CATALOGUE}{own.slug}/", HANOI).count(own.code) >= 1
    # The ministry's catalogue is the national one: no province's own procedure in it.
    assert own.code not in page_text(client, CATALOGUE, {"HTTP_HOST": "localhost"})


def test_a_site_shows_only_the_national_procedures_of_the_levels_it_implements(
    client, provincial_site, national_procedure
):
    provincial_site("danang.localhost", "Đà Nẵng", levels=["commune"])
    central = ProcedurePageFactory(
        code="1.000100", name="Thủ tục cấp trung ương", levels=["central"]
    )
    listing = page_text(client, CATALOGUE, DANANG)
    assert national_procedure.code not in listing  # a province-level procedure
    assert central.code not in listing
    assert client.get(f"{CATALOGUE}{central.slug}/", **DANANG).status_code == 404

    # A local implementation puts the procedure in the catalogue whatever its level.
    danang = Site.objects.get(hostname="danang.localhost")
    LocalImplementation.objects.create(site=danang, procedure=central, fees="Miễn phí")
    assert central.code in page_text(client, CATALOGUE, DANANG)


def test_typed_api_answers_for_the_requests_site_with_its_effective_values(
    client, hanoi_override, danang, national_procedure
):
    own = local_only(danang, code="1.900002", name="Thủ tục riêng của Đà Nẵng")

    def codes(host):
        return {item["code"] for item in client.get("/api/procedures/", **host).json()["results"]}

    assert codes(HANOI) == {national_procedure.code}
    assert codes(DANANG) == {national_procedure.code, own.code}
    assert own.code not in codes({"HTTP_HOST": "localhost"})

    hanoi_item = client.get("/api/procedures/", **HANOI).json()["results"][0]
    assert hanoi_item["online_level"] == "full"
    assert hanoi_item["url"] == f"http://hanoi.localhost{CATALOGUE}{national_procedure.slug}/"
    assert hanoi_item["agencies"][0]["name"] == "Chi nhánh Văn phòng đăng ký đất đai Hà Nội"

    hanoi_detail = client.get(f"/api/procedures/{national_procedure.code}/", **HANOI).json()
    assert {c["processing_time"] for c in hanoi_detail["channels"]} == {"10 ngày làm việc"}
    danang_detail = client.get(f"/api/procedures/{national_procedure.code}/", **DANANG).json()
    assert {c["processing_time"] for c in danang_detail["channels"]} == {"20 ngày làm việc"}
    assert danang_detail["online_level"] == "partial"
    assert client.get(f"/api/procedures/{own.code}/", **HANOI).status_code == 404


def test_local_implementation_is_unique_per_site_and_procedure(hanoi_override, hanoi):
    duplicate = LocalImplementation(site=hanoi, procedure=hanoi_override.procedure)
    with pytest.raises(ValidationError, match="đã có"):
        duplicate.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_only_a_national_procedure_on_a_provincial_site_can_be_implemented_locally(
    hanoi, danang, national_procedure
):
    own = local_only(danang, code="1.900003")
    with pytest.raises(ValidationError) as error:
        LocalImplementation(site=hanoi, procedure=own).full_clean()
    assert "procedure" in error.value.message_dict
    national = Site.objects.get(is_default_site=True)
    with pytest.raises(ValidationError) as error:
        LocalImplementation(site=national, procedure=national_procedure).full_clean()
    assert "site" in error.value.message_dict


def test_a_local_procedure_code_stays_unique_nationally(hanoi, national_procedure):
    with pytest.raises(ValidationError):
        ProcedurePage(code=national_procedure.code, name="Trùng mã").full_clean()


def test_home_page_lists_the_procedures_of_its_catalogue_under_its_own_address(
    client, hanoi, provincial_site, national_procedure
):
    provincial_site("danang.localhost", "Đà Nẵng", levels=["commune"])
    hanoi_home = page_text(client, "/", HANOI)
    assert f"http://hanoi.localhost{CATALOGUE}{national_procedure.slug}/" in hanoi_home
    assert national_procedure.slug not in page_text(client, "/", DANANG)
