"""What the theme adds to the content apps' pages: schema.org JSON-LD for search engines, the
home page's sections and the main navigation."""

import datetime
import json
import re

from portal.core.site_structure import ensure_home
from portal.legal.factories import LegalDocumentIndexPageFactory, LegalDocumentPageFactory
from portal.news.factories import NewsPageFactory
from portal.news.structure import latest_news_page, news_section
from portal.procedures.factories import ProcedurePageFactory


def structured_data(html, schema_type):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    (found,) = [data for data in map(json.loads, blocks) if data.get("@type") == schema_type]
    return found


def publish_news(section, **fields):
    page = NewsPageFactory.build(**fields)
    section.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_news_item_is_a_news_article(client, home):
    section = news_section("Tin hoạt động")
    item = publish_news(
        section,
        title="Hội nghị triển khai Luật Đất đai",
        author="Minh Anh",
        publish_date=datetime.datetime(2025, 3, 4, 9, 30, tzinfo=datetime.UTC),
    )
    article = structured_data(client.get(item.url).text, "NewsArticle")
    assert article["headline"] == "Hội nghị triển khai Luật Đất đai"
    assert article["datePublished"].startswith("2025-03-04T09:30")
    assert article["author"] == {"@type": "Person", "name": "Minh Anh"}
    assert article["articleSection"] == "Tin hoạt động"
    assert article["publisher"]["@type"] == "GovernmentOrganization"


def test_a_legal_document_is_legislation_with_its_legal_force(client, home):
    index = LegalDocumentIndexPageFactory(parent=home)
    law = LegalDocumentPageFactory(
        parent=index,
        number="31/2024/QH15",
        title="Luật Đất đai",
        doc_type="Luật",
        issued=datetime.date(2024, 1, 18),
        effective=datetime.date(2024, 8, 1),
    )
    data = structured_data(client.get(law.url).text, "Legislation")
    assert data["legislationIdentifier"] == "31/2024/QH15"
    assert data["legislationType"] == "Luật"
    assert data["legislationDate"] == "2024-01-18"
    assert data["legislationLegalForce"] == "https://schema.org/InForce"
    assert data["legislationPassedBy"]["name"] == law.issuer.name


def test_a_procedure_is_a_government_service_provided_by_the_agency(client, home):
    procedure = ProcedurePageFactory(code="1.004194", name="Cấp giấy phép khai thác nước dưới đất")
    data = structured_data(client.get(procedure.url).text, "GovernmentService")
    assert data["name"] == "Cấp giấy phép khai thác nước dưới đất"
    assert data["identifier"] == "1.004194"
    assert data["provider"]["@type"] == "GovernmentOrganization"


def test_home_shows_latest_news_featured_first_popular_procedures_and_documents(client, home):
    section = news_section("Tin hoạt động")
    day = datetime.datetime(2025, 3, 1, tzinfo=datetime.UTC)
    publish_news(section, title="Tin nổi bật về tài nguyên nước", featured=True, publish_date=day)
    for number in range(6):
        publish_news(
            section,
            title=f"Tin thường số {number}",
            featured=False,
            publish_date=day + datetime.timedelta(days=number + 1),
        )
    ProcedurePageFactory(name="Thủ tục ít dùng", popularity=3)
    ProcedurePageFactory(name="Thủ tục dùng nhiều nhất", popularity=900)
    ProcedurePageFactory(name="Thủ tục đã bãi bỏ", popularity=99999, status="abolished")
    index = LegalDocumentIndexPageFactory(parent=home)
    LegalDocumentPageFactory(parent=index, title="Luật Tài nguyên nước", number="28/2023/QH15")

    html = client.get("/").text
    news = html.split('id="featured-news"')[1].split("</section>")[0]
    shown = re.findall(r"<h3><a [^>]*>([^<]+)</a></h3>", news)
    # The featured item first, then the newest: an item just approved is there unfeatured.
    assert shown == ["Tin nổi bật về tài nguyên nước"] + [
        f"Tin thường số {number}" for number in (5, 4, 3, 2)
    ]
    procedures = html.split('id="popular-procedures"')[1].split("</section>")[0]
    assert procedures.index("Thủ tục dùng nhiều nhất") < procedures.index("Thủ tục ít dùng")
    assert "Thủ tục đã bãi bỏ" not in procedures
    assert "28/2023/QH15" in html.split('id="latest-legal"')[1]


def test_english_home_shows_vietnamese_procedures_marked_as_vietnamese(client, home):
    ensure_home("en")
    ProcedurePageFactory(name="Cấp giấy phép môi trường", popularity=10)
    html = client.get("/en/").text
    procedures = html.split('id="popular-procedures"')[1].split("</section>")[0]
    assert re.search(r'<li class="card" lang="vi">\s*<p class="card__meta">', procedures)
    assert "Cấp giấy phép môi trường" in procedures


def test_main_navigation_links_the_sections_not_each_news_section(client, home):
    ProcedurePageFactory()
    latest_news_page("vi")
    news_section("Tin hoạt động")
    nav = client.get("/").text.split('class="site-nav"')[1].split("</nav>")[0]
    assert "Thủ tục hành chính" in nav
    assert "Tin tức" in nav
    assert "Tin hoạt động" not in nav
