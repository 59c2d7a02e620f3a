"""The behaviour suite: runs on the embedded engine, and on Elasticsearch when configured."""

import datetime
import threading

from search.models import SearchSynonym
from search.requests import SearchRequest

from .conftest import article, legal, news, procedure


def ids(result):
    return [(hit.id, hit.article) for hit in result.hits]


def test_unaccented_query_finds_accented_procedure(engine):
    engine.index([procedure("1.004194", "Đăng ký tạm trú"), procedure("1.0001", "Cấp hộ chiếu")])
    result = engine.search(SearchRequest(text="dang ky tam tru"))
    assert ids(result)[0] == ("1.004194", None)
    assert result.total == 1


def test_accented_exact_match_outranks_folded_only_match(engine):
    engine.index(
        [
            procedure("1.000001", "Thủ tục bán đấu giá tài sản"),
            procedure("1.000002", "Thủ tục bàn giao tài sản"),
        ]
    )
    assert ids(engine.search(SearchRequest(text="bàn giao")))[0][0] == "1.000002"
    assert ids(engine.search(SearchRequest(text="bán")))[0][0] == "1.000001"


def test_document_number_in_any_spelling_comes_first(engine):
    engine.index(
        [
            legal("2499/QĐ-BTNMT", "Quyết định phê duyệt quy hoạch đất"),
            legal("2500/QĐ-BTNMT", "Quyết định về 2499 thửa đất"),
            legal("2499/QĐ-UBND", "Quyết định của ủy ban"),
        ]
    )
    for spelling in ("2499/QĐ-BTNMT", "2499/qd-btnmt", "2499 QĐ BTNMT", "2499-qd-btnmt"):
        result = engine.search(SearchRequest(text=spelling))
        assert ids(result)[0] == ("2499/QĐ-BTNMT", None), spelling
    partial = engine.search(SearchRequest(text="qđ 2499"))
    assert {hit.id for hit in partial.hits[:2]} == {"2499/QĐ-BTNMT", "2499/QĐ-UBND"}


def test_number_typed_in_another_order_or_glued_outranks_text_mentions(engine):
    engine.index(
        [
            legal("312/2025/NĐ-CP", "Nghị định về quản lý tài chính dự án"),
            legal("20/2025/TT-BTP", "Hướng dẫn Nghị định số 19/2020/NĐ-CP, nd 312 năm 2025"),
            legal("68/2020/QH14", "Luật Cư trú"),
        ]
    )
    for spelling in ("nd 312 2025", "NĐ312/2025", "312 nđ", "nđ-cp 312/2025"):
        assert ids(engine.search(SearchRequest(text=spelling)))[0][0] == "312/2025/NĐ-CP", spelling
    assert ids(engine.search(SearchRequest(text="68 qh14")))[0][0] == "68/2020/QH14"


def test_procedure_code_lookup(engine):
    engine.index([procedure("1.004194", "Đăng ký tạm trú"), procedure("1.004222", "Thường trú")])
    for typed in ("1.004194", "1,004194", " 1.004194 "):
        assert ids(engine.search(SearchRequest(text=typed)))[0][0] == "1.004194"


def test_adjacent_syllables_beat_scattered_words(engine):
    engine.index(
        [
            procedure("1.000001", "Hành chính thủ tục cấp phép khai thác nước"),
            procedure("1.000002", "Công bố thủ tục hành chính về nước"),
        ]
    )
    assert ids(engine.search(SearchRequest(text="thu tuc hanh chinh")))[0][0] == "1.000002"


def test_synonym_expands_abbreviation(engine):
    SearchSynonym.objects.update_or_create(term="GPLX", defaults={"expansions": "giấy phép lái xe"})
    engine.index([procedure("3.000347", "Đổi giấy phép lái xe"), procedure("1.1", "Cấp phép")])
    assert ids(engine.search(SearchRequest(text="doi gplx")))[0][0] == "3.000347"


def test_seeded_synonyms_exist(db):
    assert SearchSynonym.objects.filter(term__in=["TTHC", "CCCD", "QSDĐ", "NĐ-CP"]).count() == 4


def test_filters_and_multi_select_facet_counts(engine):
    field = {"field": [("dat-dai", "Đất đai")]}
    other = {"field": [("cu-tru", "Cư trú")]}
    engine.index(
        [
            procedure("1.1", "Đăng ký đất đai", facets=field),
            procedure("1.2", "Đăng ký biến động đất", facets=field),
            procedure("1.3", "Đăng ký tạm trú", facets=other),
            legal("1/2024/TT-BTNMT", "Thông tư về đăng ký đất đai", facets=field),
        ]
    )
    result = engine.search(
        SearchRequest(text="dang ky", kinds=["procedure"], filters={"field": ["dat-dai"]})
    )
    assert sorted(hit.id for hit in result.hits) == ["1.1", "1.2"]
    counts = {name: {c.value: c.count for c in values} for name, values in result.facets.items()}
    # Each facet is counted as if its own filter were not applied.
    assert counts["field"] == {"dat-dai": 2, "cu-tru": 1}
    assert counts["kind"] == {"procedure": 2, "legal": 1}
    labels = {c.value: c.label for c in result.facets["field"]}
    assert labels["dat-dai"] == "Đất đai"


def test_newest_sort_and_date_range(engine):
    engine.index(
        [
            news("a", "Tin môi trường cũ", date=datetime.date(2020, 1, 1)),
            news("b", "Tin môi trường mới", date=datetime.date(2024, 1, 1)),
            news("c", "Tin môi trường giữa", date=datetime.date(2022, 1, 1)),
        ]
    )
    newest = engine.search(SearchRequest(text="moi truong", sort="newest"))
    assert [hit.id for hit in newest.hits] == ["b", "c", "a"]
    ranged = engine.search(
        SearchRequest(text="moi truong", date_from=datetime.date(2021, 1, 1), page_size=1, page=2)
    )
    assert ranged.total == 2 and len(ranged.hits) == 1


def test_article_hit_links_to_its_anchor_with_marked_snippet(engine):
    title = "Luật Cư trú"
    engine.index(
        [
            legal("68/2020/QH14", title, body="Luật này quy định về cư trú của công dân."),
            article("68/2020/QH14", title, "30", "Công dân phải đăng ký tạm trú <ngay> tại nơi ở."),
            article("68/2020/QH14", title, "1", "Phạm vi điều chỉnh của luật."),
        ]
    )
    hit = engine.search(SearchRequest(text="đăng ký tạm trú")).hits[0]
    assert (hit.id, hit.article) == ("68/2020/QH14", "30")
    assert hit.url.endswith("#dieu-30")
    # Elasticsearch marks a matched phrase as one span, the embedded engine word by word.
    assert "<mark>đăng ký tạm trú</mark>" in hit.snippet.replace("</mark> <mark>", " ")
    assert "&lt;ngay&gt;" in hit.snippet


def test_not_in_force_ranks_lower_but_is_found(engine):
    engine.index(
        [
            legal("1/2010/QH12", "Luật Bảo vệ môi trường", in_force=False),
            legal("2/2020/QH14", "Luật Bảo vệ môi trường", in_force=True),
        ]
    )
    result = engine.search(SearchRequest(text="luat bao ve moi truong"))
    assert [hit.id for hit in result.hits] == ["2/2020/QH14", "1/2010/QH12"]


def test_popular_procedure_ranks_first_among_equals(engine):
    engine.index(
        [
            procedure("1.1", "Cấp giấy phép xây dựng", popularity=10),
            procedure("1.2", "Cấp giấy phép xây dựng", popularity=5_000_000),
        ]
    )
    assert ids(engine.search(SearchRequest(text="giay phep xay dung")))[0][0] == "1.2"


def test_autocomplete_suggests_titles(engine):
    engine.index([procedure("1.1", "Đăng ký kết hôn"), procedure("1.2", "Cấp hộ chiếu")])
    assert [s.id for s in engine.suggest("dang ky k")] == ["1.1"]
    assert [s.id for s in engine.suggest("Cấp h")] == ["1.2"]


def test_remove_and_replace_pages(engine):
    first = procedure("1.1", "Đăng ký kết hôn", page_id=7)
    engine.index([first, procedure("1.2", "Đăng ký khai sinh", page_id=8)])
    engine.replace_pages([7], [])
    engine.remove(["procedure:vi:1.2"])
    assert engine.search(SearchRequest(text="dang ky")).total == 0


def test_rebuild_keeps_serving_during_the_swap(engine):
    engine.index([procedure("1.1", "Đăng ký kết hôn")])
    failures, done = [], threading.Event()

    def keep_searching():
        while not done.is_set():
            result = engine.search(SearchRequest(text="dang ky ket hon"))
            if result.total != 1:
                failures.append(result.total)

    searcher = threading.Thread(target=keep_searching)
    searcher.start()
    try:
        filler = (procedure(f"9.{i:06d}", f"Thủ tục số {i}") for i in range(3000))
        engine.rebuild([procedure("1.1", "Đăng ký kết hôn"), *filler])
    finally:
        done.set()
        searcher.join()
    assert failures == []
    assert engine.search(SearchRequest(text="thu tuc so 2999")).total >= 1
