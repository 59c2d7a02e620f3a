"""A legal document's page and the documents index cost a fixed number of queries, whatever
the number of articles, relations, attachments and citing procedures (issue 20)."""

import datetime

from django.utils.html import linebreaks

from wagtail.models import PageViewRestriction

from portal.core.factories import AgencyFactory
from portal.legal.factories import LegalDocumentPageFactory
from portal.legal.models import LegalArticle, LegalAttachment
from portal.legal.models.choices import RelationType
from portal.legal.presentation import paragraphs
from portal.procedures.factories import ProcedurePageFactory
from portal.procedures.models import ProcedureLegalBasis

DOCUMENT_BUDGET = 12  # the budget for a legal document, the version read included
LISTING_BUDGET = 10


def add_articles(document, count):
    LegalArticle.objects.bulk_create(
        LegalArticle(
            document=document,
            position=n,
            number=str(n + 1),
            title=f"Điều khoản {n + 1}",
            text=f"Khoản 1 của điều {n + 1}.\n\nKhoản 2.\nĐiểm a.",
        )
        for n in range(count)
    )


def test_a_document_page_costs_the_same_whatever_its_size(page_queries, make_document):
    national_assembly = AgencyFactory(name="Quốc hội")

    def make(number, relations=()):
        return make_document(number=number, relations=relations, issuer=national_assembly)

    # Another document of the same issuer with relations both ways, as a running worker has
    # served before.
    warm_up = make("1/2020/QH14", relations=[(RelationType.AMENDS, "9/2000/QH10")])
    make("1/2020/NQ-CP", relations=[(RelationType.REPLACES, "1/2020/QH14")])
    small = make("2/2020/QH14", relations=[(RelationType.BASED_ON, "1/2020/QH14")])
    add_articles(small, 3)
    kinds = RelationType.values
    big = make(
        "3/2020/QH14",
        # Every kind, to documents of the portal and to documents it does not hold yet.
        relations=[(kinds[n % 4], f"{n + 10}/2019/QH14") for n in range(10)],
    )
    for n in range(10):
        make(f"{n + 10}/2019/QH14")
        make(f"{n + 1}/2021/NĐ-CP", relations=[(kinds[n % 4], "3/2020/QH14")])
    add_articles(big, 300)
    for n in range(3):
        LegalAttachment.objects.create(
            page=big, source_url=f"https://vanban.chinhphu.vn/{n}.pdf", filename=f"{n}.pdf"
        )
        procedure = ProcedurePageFactory(name=f"Thủ tục {n}", code=f"1.00000{n}")
        ProcedureLegalBasis.objects.create(page=procedure, number="3/2020/QH14")

    _, small_queries = page_queries(small.url, warm_up=warm_up.url)
    response, big_queries = page_queries(big.url, warm_up=warm_up.url)

    html = response.text
    assert 'href="#dieu-300"' in html and "Bị sửa đổi, bổ sung bởi" in html
    assert "Thủ tục 2" in html and "2.pdf" in html
    assert len(big_queries) == len(small_queries), "\n".join(big_queries)
    assert len(big_queries) <= DOCUMENT_BUDGET, "\n".join(big_queries)


def test_the_index_costs_the_same_for_one_document_or_many(
    page_queries, content_cache, make_document
):
    one = make_document(number="1/2020/QH14")
    index_url = one.get_parent().url
    # A worker that served the index before, as every running one has.
    _, few = page_queries(index_url + "?page=1", warm_up=index_url)
    for n in range(40):
        LegalDocumentPageFactory(
            parent=one.get_parent(), number=f"{n + 1}/2021/NĐ-CP", doc_type=f"Loại {n % 5}"
        )
    content_cache.clear()  # factories bypass the publishing that moves the content version

    response, many = page_queries(index_url + "?sort=number&page=2", warm_up=index_url)

    assert "Loại 4" in response.text
    assert len(many) == len(few), "\n".join(many)
    assert len(many) <= LISTING_BUDGET, "\n".join(many)


def test_filter_choices_follow_a_published_document(client, content_cache, make_document):
    first = make_document(number="1/2020/QH14", doc_type="Luật")
    index_url = first.get_parent().url
    assert "Nghị quyết" not in client.get(index_url).text

    resolution = make_document(number="2/2020/QH14", doc_type="Nghị quyết")
    resolution.save_revision().publish()

    assert "Nghị quyết" in client.get(index_url).text


def test_article_headings_and_text_are_escaped_once(client, make_document):
    document = make_document(number="1/2020/QH14")
    LegalArticle.objects.create(
        document=document, number="1", title="Vốn & tài sản <chung>", text="A & B\n\n<i>C</i>"
    )

    html = client.get(document.url).text

    assert '<a href="#dieu-1">Điều 1. Vốn &amp; tài sản &lt;chung&gt;</a>' in html
    assert "<p>A &amp; B</p>\n\n<p>&lt;i&gt;C&lt;/i&gt;</p>" in html


def test_paragraphs_print_as_the_linebreaks_filter():
    text = "Khoản 1 \"a\" & <b>\r\nđiểm a\r\rKhoản 2\n\n\n\nKhoản 3 'x'\n"
    assert paragraphs(text) == linebreaks(text, autoescape=True)


def test_a_successor_made_private_leaves_the_banner(client, content_cache, make_document):
    old = make_document(number="1/2010/QH12", title="Luật cũ")
    new = make_document(
        number="2/2020/QH14",
        title="Luật thay thế",
        issued=datetime.date(2020, 1, 1),
        relations=[(RelationType.REPLACES, "1/2010/QH12")],
    )
    newer = make_document(
        number="3/2022/QH15",
        title="Luật sửa đổi",
        issued=datetime.date(2022, 1, 1),
        relations=[(RelationType.REPLACES, "1/2010/QH12")],
    )
    banner = client.get(old.url).text.split("legal-validity-banner")[1]
    assert banner.index("Luật sửa đổi") < banner.index("Luật thay thế")  # newest first

    PageViewRestriction.objects.create(page=newer, restriction_type="login")

    html = client.get(old.url).text
    assert "Luật thay thế" in html and "Luật sửa đổi" not in html.split("legal-validity-banner")[1]
    assert "Luật sửa đổi" not in client.get(old.get_parent().url).text
    assert new.url in html
