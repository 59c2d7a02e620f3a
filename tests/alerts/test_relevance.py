"""A saved search mails what the search page shows first for the query as typed: a follower of
"san hô" (coral) gets the new coral page, never a page about "thủy sản" (aquaculture) for
"hộ" (households) whose folded syllables happen to hold "san" and "ho"."""

import pytest

from portal.news.factories import NewsPageFactory
from portal.news.structure import news_section

from .test_sending import READER, subscribe

pytestmark = pytest.mark.django_db

AQUACULTURE = {
    "title": "Hỗ trợ nuôi trồng thủy sản cho hộ gia đình vùng ven biển",
    "lead": "Các hộ nuôi thủy sản được hỗ trợ giống và kỹ thuật; sản lượng tăng.",
}
CORAL = {
    "title": "Bảo vệ rạn san hô quanh bán đảo Sơn Trà",
    "lead": "Lặn biển tham quan rạn san hô phải có giấy phép; cấm neo đậu trên rạn san hô.",
}


@pytest.fixture
def section(legal_index):
    return news_section("Tin hoạt động")


def publish(section, committed, **fields):
    with committed():
        page = NewsPageFactory.build(**fields)
        section.add_child(instance=page)
        page.save_revision().publish()
    return page


def mailed_titles(inbox):
    return [message["Subject"] for message in inbox.to(READER)]


# The coral pages there before the follower subscribes, then the query as the follower typed it.
CASES = {
    "with marks": ([("Rạn san hô Hòn Mun phục hồi", "Rạn san hô.")], "san+hô"),
    "without marks": (
        [("Rạn san hô Hòn Mun phục hồi", "Rạn san hô."), ("Khảo sát san hô Côn Đảo", "San hô.")],
        "san+ho",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_san_ho_search_is_mailed_the_coral_page_not_the_thuy_san_page(
    inbox, client, section, committed, case
):
    before, typed = CASES[case]
    for title, lead in before:
        publish(section, committed, title=title, lead=lead)
    subscribe(inbox, client, kind="search", url=f"/tim-kiem/?q={typed}")

    publish(section, committed, **AQUACULTURE)
    assert mailed_titles(inbox) == []

    publish(section, committed, **CORAL)
    [subject] = mailed_titles(inbox)
    assert CORAL["title"] in subject and "thủy sản" not in subject
