import pytest

from portal.news.factories import NewsPageFactory
from portal.news.structure import latest_news_page, news_section


@pytest.fixture
def section(home):
    return news_section("Tin hoạt động")


@pytest.fixture
def english_section(english_home):
    return news_section("Activities", "en")


@pytest.fixture
def latest(home):
    return latest_news_page("vi")


@pytest.fixture
def make_news(section):
    """Create a published news item (in `section` unless another parent is given)."""

    def make(parent=None, tags=(), **fields):
        page = NewsPageFactory.build(**fields)
        page.tags.set(list(tags))
        (parent or section).add_child(instance=page)
        page.save_revision().publish()
        return page

    return make
