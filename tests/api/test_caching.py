import datetime

import pytest

from django.test import override_settings
from django.utils import timezone
from django.utils.http import parse_http_date

pytestmark = pytest.mark.django_db


def test_read_endpoint_carries_validators_and_cache_control(client, home):
    response = client.get("/api/v2/pages/")

    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith("GMT")
    assert response["Cache-Control"] == "public, max-age=60"


def test_conditional_get_with_etag_returns_304(client, home):
    first = client.get("/api/v2/pages/")

    again = client.get("/api/v2/pages/", headers={"if-none-match": first["ETag"]})

    assert again.status_code == 304
    assert again.content == b""


def test_conditional_get_with_date_returns_304(client, home):
    first = client.get("/api/v2/pages/")

    again = client.get("/api/v2/pages/", headers={"if-modified-since": first["Last-Modified"]})

    assert again.status_code == 304


def test_publishing_invalidates_the_etag(client, home, published):
    first = client.get("/api/v2/pages/")
    published("Thông báo mới")

    again = client.get("/api/v2/pages/", headers={"if-none-match": first["ETag"]})

    assert again.status_code == 200
    assert "Thông báo mới" in again.content.decode()


def test_sitemap_answers_conditional_get(client, home):
    first = client.get("/sitemap.xml")

    again = client.get("/sitemap.xml", headers={"if-none-match": first["ETag"]})

    assert again.status_code == 304


def test_errors_are_not_cached(client, home):
    response = client.get("/api/v2/pages/999999/")

    assert response.status_code == 404
    assert not response.has_header("ETag")


@override_settings(CORS_ALLOWED_ORIGINS=["https://partner.example.gov.vn"])
def test_cors_allows_configured_origin_only(client, home):
    allowed = client.get("/api/v2/pages/", headers={"origin": "https://partner.example.gov.vn"})
    other = client.get("/api/v2/pages/", headers={"origin": "https://evil.example"})

    assert allowed["Access-Control-Allow-Origin"] == "https://partner.example.gov.vn"
    assert not other.has_header("Access-Control-Allow-Origin")


@override_settings(CORS_ALLOWED_ORIGINS=["https://partner.example.gov.vn"])
def test_cors_preflight_is_answered(client, home):
    response = client.options(
        "/api/v2/pages/",
        headers={
            "origin": "https://partner.example.gov.vn",
            "access-control-request-method": "GET",
        },
    )

    assert response.status_code == 200
    assert "GET" in response["Access-Control-Allow-Methods"]


def test_publishing_moves_last_modified_and_the_etag(client, home, published):
    from wagtail.models import ModelLogEntry

    from portal.core.models import ContentEvent

    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    ContentEvent.objects.update(timestamp=an_hour_ago)
    ModelLogEntry.objects.update(timestamp=an_hour_ago)
    first = client.get("/api/v2/pages/")

    published("Thông báo mới")
    again = client.get("/api/v2/pages/", headers={"if-modified-since": first["Last-Modified"]})

    assert again.status_code == 200
    assert parse_http_date(again["Last-Modified"]) > parse_http_date(first["Last-Modified"])
    assert again["ETag"] != first["ETag"]
