import datetime

import pytest

from django.utils import timezone

from portal.news.factories import ImageFactory, NewsPageFactory
from portal.news.structure import news_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def make_news(home):
    def make(section="Tin hoạt động", language="vi", tags=(), hours_ago=1, **fields):
        parent = news_section(section, language)
        page = NewsPageFactory.build(
            publish_date=timezone.now() - datetime.timedelta(hours=hours_ago), **fields
        )
        page.tags.set(list(tags))
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    return make


@pytest.fixture
def news_set(english_home, make_news):
    return [
        make_news(title="Hội nghị đất đai", slug="hoi-nghi-dat-dai", tags=["Đất đai"], hours_ago=3),
        make_news(title="Quan trắc nước", slug="quan-trac-nuoc", tags=["Tài nguyên nước"]),
        make_news(section="Thông cáo báo chí", title="Thông cáo", slug="thong-cao-1", hours_ago=2),
        make_news(
            section="Activities", language="en", title="Land conference", slug="land", hours_ago=4
        ),
    ]


def test_news_lists_newest_first_with_natural_key(client, news_set):
    body = client.get("/api/news/").json()

    assert body["total"] == 4
    assert [item["slug"] for item in body["results"]] == [
        "quan-trac-nuoc",
        "thong-cao-1",
        "hoi-nghi-dat-dai",
        "land",
    ]
    assert all(item["slug"] and item["url"].startswith("http") for item in body["results"])


def test_news_filters_by_section_tag_and_language(client, news_set):
    def slugs(**query):
        return {item["slug"] for item in client.get("/api/news/", query).json()["results"]}

    assert slugs(section="thong-cao-bao-chi") == {"thong-cao-1"}
    assert slugs(tag="dat-dai") == {"hoi-nghi-dat-dai"}
    assert slugs(language="en") == {"land"}
    assert slugs(language="vi", section="tin-hoat-dong") == {"hoi-nghi-dat-dai", "quan-trac-nuoc"}


def test_news_pagination_is_stable(client, news_set):
    first = client.get("/api/news/", {"page_size": 2, "page": 1}).json()
    second = client.get("/api/news/", {"page_size": 2, "page": 2}).json()

    seen = [item["slug"] for item in first["results"] + second["results"]]
    assert len(set(seen)) == 4
    assert client.get("/api/news/", {"page_size": 2, "page": 3}).status_code == 404


def test_news_detail_has_body_as_html_and_json(client, make_news):
    image = ImageFactory()
    make_news(
        slug="tin-co-anh",
        body=[("paragraph", "<p>Nội dung <b>chính</b></p>")],
        featured_image=image,
        featured_image_alt="Toàn cảnh hội nghị",
    )

    data = client.get("/api/news/tin-co-anh/").json()

    assert "<b>chính</b>" in data["body_html"]
    assert data["body"][0]["type"] == "paragraph"
    assert data["image"]["alt"] == "Toàn cảnh hội nghị"
    assert data["image"]["url"].startswith("/media/images/")


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"section": "khong-co"}, "section"),
        ({"tag": "khong-co"}, "tag"),
        ({"language": "fr"}, "language"),
        ({"page_size": 1000}, "page_size"),
        ({"page": 0}, "page"),
        ({"order": "random"}, "order"),
    ],
)
def test_news_bad_filters_are_400_naming_the_parameter(client, news_set, query, field):
    response = client.get("/api/news/", query)

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == field


def test_unknown_news_slug_is_404(client, news_set):
    response = client.get("/api/news/khong-co/")

    assert response.status_code == 404
    assert "khong-co" in response.json()["detail"]
