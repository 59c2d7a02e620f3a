import datetime
import re

import pytest

from django.core.exceptions import ValidationError
from django.utils import timezone

from wagtail.models import PageViewRestriction

from portal.news import queries
from portal.news.blocks import VideoBlock
from portal.news.structure import news_section


def titles(html):
    return re.findall(r'<h[23]><a href="[^"]+">([^<]+)</a></h[23]>', html)


def at(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 9, 0))


@pytest.fixture
def spread(make_news, latest):
    """Items in two sections and two months, with tags."""
    other = news_section("Tin địa phương")
    make_news(title="Đất tháng năm", publish_date=at(2025, 5, 10), tags=["Đất đai"])
    make_news(title="Nước tháng năm", publish_date=at(2025, 5, 20), tags=["Tài nguyên nước"])
    make_news(title="Đất tháng sáu", publish_date=at(2025, 6, 2), tags=["Đất đai"], featured=True)
    make_news(parent=other, title="Địa phương tháng sáu", publish_date=at(2025, 6, 5))
    return other


def test_section_lists_its_items_newest_first(client, spread):
    html = client.get("/tin-hoat-dong/").content.decode()
    assert titles(html) == ["Đất tháng sáu", "Nước tháng năm", "Đất tháng năm"]


def test_latest_news_lists_all_sections_and_filters_by_section(client, spread):
    assert titles(client.get("/tin-tuc/").content.decode())[0] == "Địa phương tháng sáu"
    html = client.get("/tin-tuc/?section=tin-dia-phuong").content.decode()
    assert titles(html) == ["Địa phương tháng sáu"]


def test_filter_by_tag_and_month(client, spread):
    assert titles(client.get("/tin-tuc/?tag=dat-dai").content.decode()) == [
        "Đất tháng sáu",
        "Đất tháng năm",
    ]
    assert titles(client.get("/tin-tuc/?month=2025-05").content.decode()) == [
        "Nước tháng năm",
        "Đất tháng năm",
    ]
    both = client.get("/tin-tuc/?month=2025-05&tag=dat-dai").content.decode()
    assert titles(both) == ["Đất tháng năm"]


def test_bad_filter_values_are_ignored_not_errors(client, spread):
    response = client.get("/tin-tuc/?month=2025-13&page=abc&section=khong-co")
    assert response.status_code == 200
    assert len(titles(response.content.decode())) == 4


def test_pagination_keeps_filters(client, make_news, latest):
    for number in range(14):
        make_news(title=f"Tin {number:02d}", publish_date=at(2025, 4, number + 1), tags=["Đất đai"])
    first = client.get("/tin-hoat-dong/?tag=dat-dai").content.decode()
    assert len(titles(first)) == 12
    assert 'href="?tag=dat-dai&amp;page=2"' in first
    second = client.get("/tin-hoat-dong/?tag=dat-dai&page=2").content.decode()
    assert titles(second) == ["Tin 01", "Tin 00"]
    assert titles(client.get("/tin-hoat-dong/?page=99").content.decode()) == ["Tin 01", "Tin 00"]


def test_featured_news_for_the_home_page(spread, make_news, english_section):
    make_news(parent=english_section, title="Featured in English", featured=True)
    assert [page.title for page in queries.featured_news("vi")] == ["Đất tháng sáu"]
    assert [page.title for page in queries.featured_news("en", limit=3)] == ["Featured in English"]


def test_related_items_computed_from_tags_then_section(spread, make_news):
    page = make_news(title="Đất mới", tags=["Đất đai"])
    related = [item.title for item in queries.related_news(page)]
    assert related[:2] == ["Đất tháng sáu", "Đất tháng năm"]
    assert "Nước tháng năm" in related  # same section, no shared tag
    assert "Địa phương tháng sáu" not in related


def test_chosen_related_items_win(spread, make_news):
    local = spread.get_children().first()
    page = make_news(title="Có tin chọn sẵn", tags=["Đất đai"])
    page.related_items.create(related_page=local)
    assert [item.title for item in queries.related_news(page)] == ["Địa phương tháng sáu"]


def test_video_block_needs_a_youtube_or_vimeo_address():
    block = VideoBlock()
    accepted = block.clean(block.to_python({"url": "https://youtu.be/ysz5S6PUM-U", "title": "V"}))
    assert accepted.embed_url == "https://www.youtube-nocookie.com/embed/ysz5S6PUM-U"
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"url": "https://example.com/video.mp4", "title": "V"}))


def test_items_of_a_private_section_are_listed_nowhere(client, make_news, latest):
    private = news_section("Tin nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    make_news(parent=private, title="Tin nội bộ không công khai", featured=True)
    make_news(title="Tin công khai", featured=True)

    for url in ("/", latest.url):
        html = client.get(url).text
        assert "Tin công khai" in html and "Tin nội bộ không công khai" not in html
    assert [item.title for item in queries.live_news("vi")] == ["Tin công khai"]
