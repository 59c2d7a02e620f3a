import io
import json
import re

import pytest

from django.core.management import call_command

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def of_type(html, schema_type):
    return [block for block in json_ld(html) if block.get("@type") == schema_type]


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


def test_home_describes_the_agency_as_a_government_organization(client, demo):
    html = client.get("/").text
    (organization,) = of_type(html, "GovernmentOrganization")
    assert organization["name"] == "Bộ Nông nghiệp và Môi trường"
    assert organization["telephone"] == "024 3845 9670"
    (english,) = of_type(client.get("/en/").text, "GovernmentOrganization")
    assert english["name"] == "Ministry of Agriculture and Environment"


def test_every_page_has_a_breadcrumb_list_even_the_404(client, demo):
    (home_trail,) = of_type(client.get("/en/").text, "BreadcrumbList")
    assert home_trail["itemListElement"][0]["item"] == "http://testserver/en/"
    missing = client.get("/khong-co/")
    assert missing.status_code == 404
    (trail,) = of_type(missing.text, "BreadcrumbList")
    assert trail["itemListElement"][0]["name"] == "Trang chủ"


def test_translations_are_linked_with_hreflang_and_the_switcher(client, demo):
    html = client.get("/").text
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/">' in html
    assert '<a href="/en/" lang="en" hreflang="en">English</a>' in html
    english = client.get("/en/").text
    assert '<a href="/" lang="vi" hreflang="vi">Tiếng Việt</a>' in english


def test_social_fields_become_open_graph_and_twitter_meta(client, demo):

    # The ministry's home; the demo's provincial sites have theirs.
    home = Site.objects.get(is_default_site=True).root_page.specific
    home.social_image = Image.objects.create(title="Trụ sở Bộ", file=get_test_image_file())
    home.social_text = "Thông tin chính thức của Bộ"
    home.save_revision().publish()
    html = client.get("/").text
    assert '<meta property="og:description" content="Thông tin chính thức của Bộ">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    image_url = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert image_url.startswith("http://testserver/") and image_url.endswith(".png")
    assert '<meta property="og:locale" content="vi_VN">' in html


def test_json_ld_cannot_break_out_of_its_script_element(client, demo):
    from portal.core.models import AgencySettings

    settings = AgencySettings.for_site(Site.objects.get(is_default_site=True))
    settings.agency_name = "Bộ </script><script>alert(1)</script>"
    settings.save()
    html = client.get("/").text
    assert "<script>alert(1)" not in html
    (organization,) = of_type(html, "GovernmentOrganization")
    assert organization["name"] == "Bộ </script><script>alert(1)</script>"


def test_home_search_box_has_a_label_and_submits_to_the_search_page(client, demo):
    html = client.get("/en/").text
    assert '<label for="home-search">' in html
    assert 'action="/en/search/"' in html
    assert 'action="/tim-kiem/"' in client.get("/").text


def test_views_without_a_page_render_the_layout(rf, demo):
    from django.template.loader import render_to_string

    request = rf.get("/tim-kiem/", HTTP_HOST="localhost")
    html = render_to_string("base.html", {}, request=request)
    assert '<meta property="og:site_name" content="Bộ Nông nghiệp và Môi trường">' in html
    assert "js/autocomplete" in html
    assert 'name="description"' not in html
