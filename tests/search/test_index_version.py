"""An index written by another version of the fields is refused, never queried for fields it
lacks, and `search_index sync` rebuilds it."""

import pytest

from django.core.management import call_command

from search.engines import EngineUnavailable, get_engine
from search.engines.embedded import SCHEMA_FILE
from search.requests import SearchRequest

from .conftest import procedure


@pytest.fixture
def outdated(settings, tmp_path, db):
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    engine = get_engine()
    engine.rebuild([procedure("1.004194", "Đăng ký tạm trú")])
    (engine.current_link / SCHEMA_FILE).write_text("an older version")
    engine._opened = None  # as a freshly started process would open it
    return engine


def test_an_outdated_index_is_unavailable_with_a_clear_message(outdated, client):
    with pytest.raises(EngineUnavailable, match="search_index rebuild"):
        outdated.search(SearchRequest(text="dang ky tam tru"))
    response = client.get("/api/search/", {"q": "dang ky tam tru"})
    assert response.status_code == 503


def test_sync_rebuilds_an_outdated_index(outdated, capsys):
    call_command("search_index", "sync")
    assert "older version" in capsys.readouterr().out
    assert outdated.is_current()
    assert outdated.search(SearchRequest(text="dang ky tam tru")).total == 0  # no pages here
