"""Pages say when they were first published and last changed (LAW.md: prompt, honest updates),
and carry the Dublin Core fields the national portals harvest (Decree 224/2026/NĐ-CP Art. 11(5)):
title, description, publisher, language, dates and the page's own address."""

import datetime
import re

import pytest

from django.utils import timezone
from django.utils.timezone import localtime

from wagtail.models import Page

from portal.core.factories import FieldFactory
from portal.legal.factories import LegalDocumentIndexPageFactory, LegalDocumentPageFactory
from portal.news.factories import NewsPageFactory
from portal.news.structure import news_section

pytestmark = pytest.mark.django_db


def meta(html, name):
    found = re.search(rf'<meta name="{re.escape(name)}" content="([^"]*)">', html)
    return found and found.group(1)


def test_a_news_item_names_its_title_publisher_language_and_dates(client, home):
    news = NewsPageFactory.build(
        slug="kiem-ke-dat-dai", title="Kiểm kê đất đai năm 2026", search_description="Tóm tắt."
    )
    news_section("Tin hoạt động").add_child(instance=news)
    news.save_revision().publish()
    news.refresh_from_db()

    html = client.get(news.url).content.decode()

    assert meta(html, "DC.title") == "Kiểm kê đất đai năm 2026"
    assert meta(html, "DC.description") == "Tóm tắt."
    assert meta(html, "DC.publisher")
    assert meta(html, "DC.language") == "vi"
    assert meta(html, "DC.date.created") == f"{localtime(news.first_published_at):%Y-%m-%d}"
    assert meta(html, "DC.date.modified") == f"{localtime(news.last_published_at):%Y-%m-%d}"
    assert meta(html, "DC.identifier") == f"http://testserver{news.url}"


def test_a_page_shows_when_it_was_first_published_and_last_changed(client, home):
    news = NewsPageFactory.build(slug="tram-quan-trac", title="Trạm quan trắc mới")
    news_section("Tin hoạt động").add_child(instance=news)
    news.save_revision().publish()
    first = timezone.now() - datetime.timedelta(days=40)
    Page.objects.filter(pk=news.pk).update(first_published_at=first)
    news.refresh_from_db()
    news.title = "Trạm quan trắc mới (cập nhật số liệu)"
    news.save_revision().publish()

    html = client.get(news.url).content.decode()
    dates = html.split('class="page-dates"', 1)[1].split("</p>", 1)[0]

    assert "Đăng lần đầu: <time datetime" in dates
    assert f">{localtime(first):%d/%m/%Y}</time>" in dates
    assert "Cập nhật lần cuối: <time datetime" in dates
    assert f">{localtime(timezone.now()):%d/%m/%Y}</time>" in dates
    assert 'class="page-dates"' not in client.get("/").content.decode()


def test_a_legal_document_names_its_fields_as_dublin_core_subjects(client, home):
    index = LegalDocumentIndexPageFactory(parent=home)
    document = LegalDocumentPageFactory(parent=index)
    document.fields.set([FieldFactory(name="Đất đai"), FieldFactory(name="Tài nguyên nước")])
    document.save_revision().publish()

    html = client.get(document.url).content.decode()

    subjects = re.findall(r'<meta name="DC.subject" content="([^"]*)">', html)
    assert subjects == ["Tài nguyên nước", "Đất đai"]
