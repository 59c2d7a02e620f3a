"""A document used only by pages the public may not see (drafts, private or scheduled pages)
is not public: not in /api/v2/documents/, not served at /documents/<id>/<name>."""

import pytest

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from portal.legal.factories import LegalDocumentIndexPageFactory, LegalDocumentPageFactory
from portal.legal.models import LegalAttachment

pytestmark = pytest.mark.django_db

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def upload(name):
    document = get_document_model()(title=name)
    document.file.save(name, ContentFile(PDF))
    return document


@pytest.fixture
def index(home):
    return LegalDocumentIndexPageFactory(parent=home)


def attach(index, document, *, publish, number):
    page = LegalDocumentPageFactory.build(number=number, issuer=None, live=publish)
    page.attachments = [LegalAttachment(document=document, title=document.title)]
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


def listed(client):
    return {item["title"] for item in client.get("/api/v2/documents/").json()["items"]}


def test_document_of_a_draft_only_is_not_public(client, index):
    secret = upload("du-thao-mat.pdf")
    attach(index, secret, publish=False, number="1/2025/QĐ-BM")

    assert "du-thao-mat.pdf" not in listed(client)
    assert client.get("/api/v2/documents/?search=thao").json()["items"] == []
    assert client.get(f"/api/v2/documents/{secret.pk}/").status_code == 404
    assert client.get(secret.url).status_code == 404


def test_document_of_a_private_page_is_not_public(client, index):
    secret = upload("noi-bo.pdf")
    page = attach(index, secret, publish=True, number="2/2025/QĐ-BM")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    assert "noi-bo.pdf" not in listed(client)
    assert client.get(secret.url).status_code == 404


def test_document_of_a_published_page_is_public(client, index):
    document = upload("cong-khai.pdf")
    attach(index, document, publish=False, number="3/2025/QĐ-BM")
    attach(index, document, publish=True, number="4/2025/QĐ-BM")

    assert "cong-khai.pdf" in listed(client)
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_document_used_by_no_page_stays_public(client, home):
    # Procedure forms are found by file name, not linked: the library's own files stay public.
    form = upload("mau-01.pdf")

    assert "mau-01.pdf" in listed(client)
    assert client.get(form.url).status_code == 200
