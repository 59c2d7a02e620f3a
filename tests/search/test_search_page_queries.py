"""The search page's query budget (issue 20): at most 10 queries on a warm worker, however many
hits, facets and menu sections it shows, with results and without."""

import pytest

from portal.core.site_structure import ensure_section
from portal.news.models import NewsIndexPage

from .conftest import legal, procedure

pytestmark = pytest.mark.django_db

BUDGET = 10


@pytest.fixture
def indexed(engine, home):
    for number in range(8):
        ensure_section(NewsIndexPage, slug=f"chuyen-muc-{number}", title=f"Chuyên mục {number}")
    engine.index(
        [
            procedure(f"1.00{number:04d}", f"Cấp giấy phép khai thác nước số {number}")
            for number in range(30)
        ]
        + [legal(f"{number}/2023/QH15", f"Luật Tài nguyên nước {number}") for number in range(30)]
    )
    return engine


@pytest.mark.parametrize("query", ["nước", "khai thác nước"])
def test_search_page_within_budget(page_queries, indexed, query):
    response, queries = page_queries(f"/tim-kiem/?q={query}", warm_up="/tim-kiem/?q=luat")
    assert len(queries) <= BUDGET, "\n".join(queries)
    assert "search-hit" in response.content.decode()


def test_search_page_finding_nothing_within_budget(page_queries, indexed):
    # A search that found nothing points to the catalogues: shared by every such search.
    response, queries = page_queries("/tim-kiem/?q=khong+co+gi", warm_up="/tim-kiem/?q=zzzz")
    assert len(queries) <= BUDGET, "\n".join(queries)


def test_english_search_page_within_budget(page_queries, indexed, english_home):
    # English words find the Vietnamese content through the glossary ("water resources": tài
    # nguyên nước), and the hits are listed on the English page.
    response, queries = page_queries("/en/search/?q=water+resources", warm_up="/en/search/?q=law")
    assert len(queries) <= BUDGET, "\n".join(queries)
    assert "search-hit" in response.content.decode()
