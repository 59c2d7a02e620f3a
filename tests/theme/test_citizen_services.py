"""Every page's footer and every home page lead to the citizen services (ask, report, track,
statistics, alerts, answers, online exchanges), in Vietnamese and in English, on every site."""

import datetime
import re

import pytest

from django.utils import timezone

from portal.engagement.structure import question_section

SERVICES = {
    "vi": {
        "ask": "/gui-cau-hoi/",
        "report": "/phan-anh-kien-nghi/",
        "track": "/tra-cuu-ho-so/",
        "statistics": "/thong-ke/",
        "alerts": "/theo-doi/",
    },
    "en": {
        "ask": "/en/gui-cau-hoi/",
        "report": "/en/phan-anh-kien-nghi/",
        "track": "/en/tra-cuu-ho-so/",
        "statistics": "/en/thong-ke/",
        "alerts": "/en/theo-doi/",
    },
}


def links(html, container):
    part = html.split(container, 1)[1].split("</ul>", 1)[0]
    return dict(
        (key, url) for url, key in re.findall(r'<a href="([^"]+)" data-service="([^"]+)"', part)
    )


@pytest.mark.parametrize("language", ["vi", "en"])
def test_home_and_footer_lead_to_every_service(client, english_home, language):
    prefix = "/en" if language == "en" else ""
    question_section(language)
    home = client.get(prefix + "/").text
    statistics = client.get(SERVICES[language]["statistics"]).text
    for html in (home, statistics):
        found = links(html, 'class="site-footer__services"')
        for key, url in SERVICES[language].items():
            assert found[key] == url
        assert client.get(found["answers"]).status_code == 200
    on_home = links(home, 'class="service-list"')
    assert set(SERVICES[language]) <= set(on_home)
    for url in on_home.values():
        assert client.get(url).status_code == 200, url
    heading = "Dịch vụ cho người dân" if language == "vi" else "Services for citizens"
    assert heading in home


def test_a_provincial_site_leads_to_its_own_services(client, make_agency_site):
    make_agency_site("hanoi.localhost", "Hà Nội")
    home = client.get("/", HTTP_HOST="hanoi.localhost").text
    found = links(home, 'class="service-list"')
    for key, url in SERVICES["vi"].items():
        assert found[key] == url
    assert "Sở Nông nghiệp và Môi trường Hà Nội" in home


def test_the_latest_online_exchange_is_a_service(client, home):
    from portal.engagement.models import ExchangePage

    now = timezone.now()
    exchange = ExchangePage(
        title="Giao lưu trực tuyến về đất đai",
        slug="giao-luu-dat-dai",
        leader="Bộ trưởng",
        starts_at=now,
        ends_at=now + datetime.timedelta(hours=2),
        topic="Luật Đất đai",
    )
    home.add_child(instance=exchange)
    exchange.save_revision().publish()
    found = links(client.get("/").text, 'class="service-list"')
    assert found["exchanges"] == "/giao-luu-dat-dai/"
