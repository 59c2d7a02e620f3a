"""Each agency publishes its organisation (Decree 224/2026/NĐ-CP Art. 9(1)(b)): functions, units
as a tree, current leaders with biography and duties, past leaders with their terms; as a page
with schema.org JSON-LD, in /api/organisation/ and in the disclosure list."""

import datetime
import json
import re

import pytest

from django.core.exceptions import ValidationError

from portal.organisation.models import Leader, OrganisationPage, Unit

pytestmark = pytest.mark.django_db

HANOI, DANANG = "hanoi.localhost", "danang.localhost"


@pytest.fixture
def hanoi(make_agency_site):
    site = make_agency_site(HANOI, "Hà Nội")
    make_agency_site(DANANG, "Đà Nẵng")
    page = OrganisationPage(
        title="Cơ cấu tổ chức",
        slug="co-cau-to-chuc",
        functions="<p>Tham mưu cho Ủy ban nhân dân thành phố về nông nghiệp và môi trường.</p>",
        units=[
            Unit(name="Văn phòng Sở", phone="024 3825 0001"),
            Unit(name="Chi cục Thủy lợi"),
            Unit(name="Phòng Quản lý đê điều", parent_name="Chi cục Thủy lợi"),
        ],
        leaders=[
            Leader(name="Nguyễn Văn An", title="Giám đốc Sở", duties="Phụ trách chung."),
            Leader(
                name="Trần Thị Bình",
                title="Giám đốc Sở",
                term_start=datetime.date(2015, 5, 1),
                term_end=datetime.date(2020, 12, 31),
            ),
        ],
    )
    site.root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_the_page_shows_the_unit_tree_the_leaders_and_past_leaders(client, hanoi):
    html = client.get("/co-cau-to-chuc/", HTTP_HOST=HANOI).content.decode()

    units = html.split('id="don-vi"', 1)[1].split("</section>", 1)[0]
    water = units.split("Chi cục Thủy lợi", 1)[1]
    assert "Phòng Quản lý đê điều" in water.split("</li>", 1)[0]  # nested under its parent
    current = html.split('id="lanh-dao"', 1)[1].split("</section>", 1)[0]
    assert "Nguyễn Văn An" in current and "Phụ trách chung." in current
    assert "Trần Thị Bình" not in current
    former = html.split('id="lanh-dao-qua-cac-thoi-ky"', 1)[1]
    assert "Trần Thị Bình, Giám đốc Sở (2015–2020)" in former
    data = [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]
    organization = next(item for item in data if item["@type"] == "GovernmentOrganization")
    assert organization["name"] == "Sở Nông nghiệp và Môi trường Hà Nội"
    assert [person["name"] for person in organization["member"]] == ["Nguyễn Văn An"]


def test_the_api_gives_each_site_its_own_organisation(client, hanoi):
    data = client.get("/api/organisation/", HTTP_HOST=HANOI).json()

    assert [unit["name"] for unit in data["units"]][:2] == ["Văn phòng Sở", "Chi cục Thủy lợi"]
    assert [leader["name"] for leader in data["leaders"]] == ["Nguyễn Văn An"]
    assert [leader["name"] for leader in data["former_leaders"]] == ["Trần Thị Bình"]
    assert data["url"] == "http://hanoi.localhost/co-cau-to-chuc/"
    assert client.get("/api/organisation/", HTTP_HOST=DANANG).status_code == 404


def test_the_disclosure_list_finds_the_organisation_on_its_own_site_only(client, hanoi):
    def organisation_item(host):
        items = client.get("/api/disclosures/", HTTP_HOST=host).json()
        return next(item for item in items if item["key"] == "organisation")

    assert organisation_item(HANOI)["url"] == "http://hanoi.localhost/co-cau-to-chuc/"
    assert organisation_item(DANANG)["published"] is False


def test_a_leader_without_a_name_is_refused_naming_the_field(hanoi):
    with pytest.raises(ValidationError) as refused:
        Leader(page=hanoi, name="", title="Phó Giám đốc Sở").full_clean()

    assert "name" in refused.value.message_dict
