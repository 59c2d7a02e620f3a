"""Cached search answers follow the index's own state on both engines: a change written straight
into the index (`search_index sync` repairing it, no content event) is served at once."""

import pytest

from .conftest import procedure

pytestmark = pytest.mark.django_db
QUERY = {"q": "dang ky tam tru"}


def test_a_change_written_only_to_the_index_is_not_hidden_by_a_cached_answer(
    engine, client, home, page_cache
):
    engine.index([procedure("1.004194", "Đăng ký tạm trú")])
    assert "1.004194" in client.get("/tim-kiem/", QUERY).content.decode()

    engine.index([procedure("1.004195", "Đăng ký tạm trú cho người nước ngoài")])

    assert "1.004195" in client.get("/tim-kiem/", QUERY).content.decode()


def test_the_index_state_stays_put_while_nothing_is_written(engine):
    engine.index([procedure("1.004194", "Đăng ký tạm trú")])
    assert engine.stamp() == engine.stamp()
    state, _changed = engine.stamp()
    engine.remove(["procedure:1.004194"])
    assert engine.stamp()[0] != state
