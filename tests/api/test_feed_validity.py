"""Every feed is a valid RSS 2.0 or Atom 1.0 document with a real language code, and the home
and section pages advertise theirs with <link rel="alternate">."""

import datetime
import re
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser

import pytest

from django.core.management import call_command

from .test_public_urls import CONTENT

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# BCP 47 as feeds use it: a language, optionally a region ("vi", "en", "en-GB").
LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Z]{2})?$")
ABSOLUTE = re.compile(r"^https?://[^/\s]+/")
FEEDS = {
    "/tin-hoat-dong/rss/": "vi",
    "/tin-hoat-dong/atom/": "vi",
    "/tin-tuc/rss/": "vi",
    "/en/activities/atom/": "en",
    "/en/news/rss/": "en",
    "/api/feeds/legal/": "vi",
    "/api/feeds/procedures/": "vi",
}


@pytest.fixture
def content(english_home, jsonl):
    call_command("import_content", str(jsonl(CONTENT)))


def check_rss(root, language):
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    for name in ("title", "link", "description"):
        assert (channel.findtext(name) or "").strip(), f"channel without {name}"
    assert LANGUAGE.match(channel.findtext("language") or ""), channel.findtext("language")
    assert channel.findtext("language") == language
    assert ABSOLUTE.match(channel.findtext("link"))
    items = channel.findall("item")
    assert items, "an empty feed"
    for item in items:
        assert item.findtext("title")
        assert ABSOLUTE.match(item.findtext("link"))
        assert item.findtext("guid")
        assert parsedate_to_datetime(item.findtext("pubDate")).tzinfo is not None


def check_atom(root, language):
    assert root.tag == f"{ATOM}feed"
    assert LANGUAGE.match(root.get(XML_LANG) or ""), root.get(XML_LANG)
    assert root.get(XML_LANG) == language
    assert root.findtext(f"{ATOM}id") and root.findtext(f"{ATOM}title")
    datetime.datetime.fromisoformat(root.findtext(f"{ATOM}updated"))
    links = {link.get("rel", "alternate"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert ABSOLUTE.match(links["self"]) and ABSOLUTE.match(links["alternate"])
    entries = root.findall(f"{ATOM}entry")
    assert entries, "an empty feed"
    for entry in entries:
        assert entry.findtext(f"{ATOM}id") and entry.findtext(f"{ATOM}title")
        datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
        assert ABSOLUTE.match(entry.find(f"{ATOM}link").get("href"))


@pytest.mark.parametrize("path", list(FEEDS))
def test_feed_is_valid_and_names_its_language(client, content, path):
    response = client.get(path)

    assert response.status_code == 200
    assert response["Content-Type"].split(";")[0] in {
        "application/rss+xml",
        "application/atom+xml",
    }
    body = response.content.decode()
    assert "<bound method" not in body
    root = ET.fromstring(response.content)
    (check_rss if root.tag == "rss" else check_atom)(root, FEEDS[path])


class AlternateLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.feeds = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "alternate" and "xml" in attrs.get("type", ""):
            self.feeds.append(attrs)


def advertised(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    parser = AlternateLinks()
    parser.feed(response.content.decode())
    return parser.feeds


@pytest.mark.parametrize("path", ["/", "/en/", "/thu-tuc-hanh-chinh/", "/van-ban/", "/tin-tuc/"])
def test_home_and_section_pages_advertise_feeds_that_exist(client, content, path):
    feeds = advertised(client, path)

    types = {feed["type"] for feed in feeds}
    assert "application/atom+xml" in types, feeds
    for feed in feeds:
        assert feed["title"]
        assert ABSOLUTE.match(feed["href"])
        served = client.get(feed["href"])
        assert served.status_code == 200, feed["href"]
        assert served["Content-Type"].startswith(feed["type"])


def test_the_home_page_advertises_the_news_of_its_language(client, content):
    vietnamese = {feed["href"] for feed in advertised(client, "/")}
    english = {feed["href"] for feed in advertised(client, "/en/")}

    assert "http://testserver/tin-tuc/rss/" in vietnamese
    assert "http://testserver/en/news/rss/" in english
