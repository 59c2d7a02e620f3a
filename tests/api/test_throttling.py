"""The per-client rate limit on the search endpoints: 429 with Retry-After."""

import pytest

from search.engines import get_engine

pytestmark = pytest.mark.django_db


@pytest.fixture
def search_api(client, settings, tmp_path):
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    get_engine().rebuild([])
    settings.API_SEARCH_RATE = "3/min"
    return client


def search(client, address, path="/api/search/"):
    return client.get(path, {"q": "đất đai"}, REMOTE_ADDR=address)


def test_fourth_search_in_a_minute_gets_429_with_retry_after(search_api):
    for _ in range(3):
        assert search(search_api, "203.0.113.5").status_code == 200

    response = search(search_api, "203.0.113.5")

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert response.json()["detail"]


def test_suggest_has_its_own_limit_and_answers_429_with_retry_after(search_api, settings):
    settings.API_SUGGEST_RATE = "5/min"
    for _ in range(5):
        assert search(search_api, "203.0.113.5", "/api/search/suggest/").status_code == 200

    response = search(search_api, "203.0.113.5", "/api/search/suggest/")

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60


def test_typing_with_autocomplete_does_not_use_up_the_search_limit(search_api, settings):
    settings.API_SUGGEST_RATE = "600/min"
    # Ten keystrokes' suggestions, more than the search limit of three a minute...
    for _ in range(10):
        assert search(search_api, "203.0.113.6", "/api/search/suggest/").status_code == 200
    # ...and the searches themselves still go through.
    for _ in range(3):
        assert search(search_api, "203.0.113.6").status_code == 200
    assert search(search_api, "203.0.113.6").status_code == 429


def test_clients_are_limited_separately(search_api):
    for _ in range(3):
        search(search_api, "203.0.113.5")

    assert search(search_api, "203.0.113.5").status_code == 429
    assert search(search_api, "198.51.100.7").status_code == 200


def test_other_endpoints_are_not_limited(search_api, home):
    for _ in range(5):
        assert search_api.get("/api/v2/pages/", REMOTE_ADDR="203.0.113.5").status_code == 200


def test_rate_comes_from_settings(search_api, settings):
    settings.API_SEARCH_RATE = "1/min"

    assert search(search_api, "203.0.113.9").status_code == 200
    assert search(search_api, "203.0.113.9").status_code == 429


def test_the_html_search_page_shares_the_limit(search_api):
    for _ in range(2):
        assert search(search_api, "203.0.113.9").status_code == 200
    assert search(search_api, "203.0.113.9", "/tim-kiem/").status_code == 200

    response = search(search_api, "203.0.113.9", "/tim-kiem/")

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert "Bạn tìm kiếm quá nhiều" in response.content.decode()
    # The page without a query is never limited.
    assert search_api.get("/tim-kiem/", REMOTE_ADDR="203.0.113.9").status_code == 200
