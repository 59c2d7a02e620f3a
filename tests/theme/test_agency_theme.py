"""Per-site theme: each agency's name, logo and colours within the one theme; colours that
would break AA contrast are refused where an administrator sets them."""

import pytest

from django.contrib.auth.models import User

from portal.core.models import AgencySettings
from portal.core.models.site_settings import colour_problem, contrast_ratio


@pytest.fixture
def hanoi(make_agency_site):
    return make_agency_site(
        "hanoi.localhost", "Hà Nội", brand_colour="#1d6b35", brand_dark_colour="#12451f"
    )


def test_contrast_ratio_is_wcags():
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast_ratio("#0b5394", "#ffffff"), 2) == 7.84


@pytest.mark.parametrize(
    ("colour", "refused"),
    [("#1d6b35", False), ("#0b5394", False), ("#ffcc00", True), ("#777777", True), ("red", True)],
)
def test_light_or_malformed_colours_are_refused(colour, refused):
    assert bool(colour_problem(colour)) is refused


def test_each_site_gets_its_own_colours_name_and_logo_slot(client, hanoi, home):
    page = client.get("/", HTTP_HOST="hanoi.localhost").content.decode()
    assert 'href="/site-theme.css"' in page
    assert '<a class="site-name" href="/">Sở Nông nghiệp và Môi trường Hà Nội</a>' in page
    css = client.get("/site-theme.css", HTTP_HOST="hanoi.localhost")
    assert css["Content-Type"].startswith("text/css")
    assert css.content.decode() == ":root{--brand:#1d6b35;--brand-dark:#12451f;}\n"
    ministry = client.get("/", HTTP_HOST="localhost").content.decode()
    assert "site-theme.css" not in ministry


def test_the_settings_form_refuses_a_colour_without_aa_contrast(client, hanoi):
    client.force_login(User.objects.create_superuser("quan-tri", password="mật-khẩu-dài"))
    url = f"/admin/settings/core/agencysettings/{hanoi.pk}/"
    form = {
        "agency_name": "Sở Nông nghiệp và Môi trường Hà Nội",
        "province": "Hà Nội",
        "brand_colour": "#ffcc00",
        "brand_dark_colour": "#12451f",
    }
    response = client.post(url, form)
    assert response.status_code == 200
    assert "Độ tương phản với nền sáng chỉ" in response.content.decode()
    assert AgencySettings.for_site(hanoi).brand_colour == "#1d6b35"
    response = client.post(url, {**form, "brand_colour": "#0b5394"})
    assert response.status_code == 302
    assert AgencySettings.for_site(hanoi).brand_colour == "#0b5394"
