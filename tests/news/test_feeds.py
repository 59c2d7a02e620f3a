import datetime
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from django.conf import settings
from django.utils import timezone

from portal.news.factories import ImageFactory

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def items(make_news, latest):
    published = timezone.make_aware(datetime.datetime(2025, 5, 6, 8, 30))
    with_image = make_news(
        title="Ngày Môi trường thế giới",
        slug="ngay-moi-truong",
        publish_date=published,
        featured_image=ImageFactory(),
        featured_image_alt="Cây xanh bên hồ",
        tags=["Môi trường"],
    )
    plain = make_news(
        title="Tin không ảnh",
        slug="khong-anh",
        publish_date=published - datetime.timedelta(hours=1),
    )
    return with_image, plain


def test_rss_feed_of_a_section(client, items):
    response = client.get("/tin-hoat-dong/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")

    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("link") == "http://testserver/tin-hoat-dong/"
    entries = {item.findtext("title"): item for item in channel.findall("item")}
    assert set(entries) == {"Ngày Môi trường thế giới", "Tin không ảnh"}

    item = entries["Ngày Môi trường thế giới"]
    assert item.findtext("link") == "http://testserver/tin-hoat-dong/ngay-moi-truong/"
    assert item.findtext("pubDate") == "Tue, 06 May 2025 08:30:00 +0700"
    assert item.findtext("category") == "Môi trường"
    enclosure = item.find("enclosure")
    assert enclosure.get("url").startswith("http://testserver/media/images/")
    assert enclosure.get("type") == "image/jpeg"
    assert int(enclosure.get("length")) > 0
    media_path = enclosure.get("url").removeprefix("http://testserver" + settings.MEDIA_URL)
    assert (Path(settings.MEDIA_ROOT) / media_path).stat().st_size == int(enclosure.get("length"))
    assert entries["Tin không ảnh"].find("enclosure") is None


def test_atom_feed_of_all_news(client, items, make_news, english_section):
    make_news(parent=english_section, title="English only", slug="english-only")

    response = client.get("/tin-tuc/atom/")
    assert response.status_code == 200
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "Ngày Môi trường thế giới",
        "Tin không ảnh",
    ]
    entry = next(e for e in entries if e.findtext(f"{ATOM}title") == "Ngày Môi trường thế giới")
    assert entry.findtext(f"{ATOM}published") == "2025-05-06T08:30:00+07:00"
    assert entry.findtext(f"{ATOM}updated").endswith("+07:00")
    links = {link.get("rel"): link.get("href") for link in entry.findall(f"{ATOM}link")}
    assert links["alternate"] == "http://testserver/tin-hoat-dong/ngay-moi-truong/"
    assert links["enclosure"].startswith("http://testserver/media/images/")


def test_feed_holds_the_latest_fifty(client, make_news, section):
    for number in range(52):
        make_news(
            slug=f"tin-{number}",
            publish_date=timezone.now() - datetime.timedelta(hours=number + 1),
        )
    channel = ET.fromstring(client.get("/tin-hoat-dong/rss/").content).find("channel")
    links = [item.findtext("link") for item in channel.findall("item")]
    assert len(links) == 50
    assert links[0].endswith("/tin-0/")


def test_pages_advertise_their_feeds(client, items):
    for url in ("/tin-hoat-dong/", "/tin-hoat-dong/ngay-moi-truong/", "/tin-tuc/"):
        html = client.get(url).content.decode()
        if url != "/tin-tuc/":
            assert (
                '<link rel="alternate" type="application/rss+xml" title="Tin hoạt động (RSS)" '
                'href="http://testserver/tin-hoat-dong/rss/">' in html
            )
        assert 'type="application/atom+xml" title="Tin tức (Atom)" ' in html
        assert 'href="http://testserver/tin-tuc/atom/"' in html
