"""The search rate limit, on a router shaped like the search endpoints.

The search app's own tests exercise it on /api/search/; here it is checked in isolation so the
API app does not depend on the search engine.
"""

import pytest
from ninja import Router
from ninja.testing import TestClient

from portal.api.throttling import SearchRateThrottle

router = Router()


@router.get("/", throttle=SearchRateThrottle())
def fake_search(request, q: str):
    return {"query": q, "total": 0}


@pytest.fixture
def search_client(settings):
    settings.API_SEARCH_RATE = "3/min"
    return TestClient(router)


def from_ip(address):
    return {"META": {"REMOTE_ADDR": address}}


def test_fourth_request_in_a_minute_gets_429_with_retry_after(search_client):
    for _ in range(3):
        assert search_client.get("/?q=đất đai", **from_ip("203.0.113.5")).status_code == 200

    response = search_client.get("/?q=đất đai", **from_ip("203.0.113.5"))

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert response.json()["detail"]


def test_clients_are_limited_separately(search_client):
    for _ in range(3):
        search_client.get("/?q=thuế", **from_ip("203.0.113.5"))

    assert search_client.get("/?q=thuế", **from_ip("203.0.113.5")).status_code == 429
    assert search_client.get("/?q=thuế", **from_ip("198.51.100.7")).status_code == 200


def test_rate_comes_from_settings(search_client, settings):
    settings.API_SEARCH_RATE = "1/min"

    assert search_client.get("/?q=a", **from_ip("203.0.113.9")).status_code == 200
    assert search_client.get("/?q=a", **from_ip("203.0.113.9")).status_code == 429
