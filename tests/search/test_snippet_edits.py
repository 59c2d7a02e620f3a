"""An editor's edit of a term or a site's settings in the admin reaches search: the edit is a
content event, and the search consumer indexes again the pages that show it."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from portal.core.models import AgencySettings, ContentEvent, Field
from portal.core.publishing import consumers
from portal.procedures.factories import ProcedurePageFactory


def facet_labels(client, name, host="localhost", **params):
    response = client.get("/api/search/", {"q": "giấy phép", **params}, HTTP_HOST=host)
    assert response.status_code == 200
    return {facet["label"] for facet in response.json()["facets"].get(name, [])}


def editor(client):
    client.force_login(get_user_model().objects.create_superuser("bien-tap", password="x-y-z-1"))


def indexed_field(client):
    """A field shown by one procedure, indexed, and an editor signed in."""
    water = Field.objects.create(name="Tài nguyên nước")
    ProcedurePageFactory(name="Cấp giấy phép khai thác nước mặt", procedure_fields=[water])
    consumers.run_consumers()
    assert facet_labels(client, "field") == {"Tài nguyên nước"}
    editor(client)
    return water


def test_a_field_renamed_in_the_admin_is_renamed_in_search_facets(engine, home, client):
    water = indexed_field(client)
    url = reverse("wagtailsnippets_core_field:edit", args=[water.pk])
    form = {"name": "Tài nguyên nước và khí tượng", "name_en": "", "slug": water.slug}
    assert client.post(url, form).status_code == 302
    event = ContentEvent.objects.order_by("id").last()
    assert (event.kind, event.key, event.action) == ("core.field", form["name"], "changed")
    consumers.run_consumers()

    assert facet_labels(client, "field") == {"Tài nguyên nước và khí tượng"}


def test_a_sites_agency_renamed_in_its_settings_is_renamed_in_search(
    engine, client, make_agency_site
):
    hanoi = make_agency_site("hanoi.localhost", "Hà Nội")
    ProcedurePageFactory(name="Cấp giấy phép môi trường cấp tỉnh", parent=hanoi.root_page)
    consumers.run_consumers()
    before = "Sở Nông nghiệp và Môi trường Hà Nội (Hà Nội)"
    assert before in facet_labels(client, "site")

    editor(client)
    url = f"/admin/settings/core/agencysettings/{hanoi.pk}/"
    form = {
        "agency_name": "Sở Tài nguyên và Môi trường Hà Nội",
        "province": "Hà Nội",
        "brand_colour": "#1d6b35",
        "brand_dark_colour": "#12451f",
    }
    assert client.post(url, form).status_code == 302
    assert AgencySettings.for_site(hanoi).agency_name == form["agency_name"]
    consumers.run_consumers()

    labels = facet_labels(client, "site")
    assert "Sở Tài nguyên và Môi trường Hà Nội (Hà Nội)" in labels
    assert before not in labels


def test_a_field_deleted_in_the_admin_leaves_the_search_facets(engine, home, client):
    water = indexed_field(client)
    url = reverse("wagtailsnippets_core_field:delete", args=[water.pk])
    assert client.post(url).status_code == 302
    assert not Field.objects.exists()
    consumers.run_consumers()

    assert facet_labels(client, "field") == set()
