"""Stored XSS through links: only http(s) addresses are accepted by imports, rendered by the
theme or handed out by the API, whatever is already in the database."""

from io import StringIO

import pytest

from django.core.management import call_command

from portal.legal.factories import LegalDocumentIndexPageFactory, LegalDocumentPageFactory
from portal.legal.models import LegalAttachment, LegalDocumentPage
from portal.procedures.factories import ProcedurePageFactory
from portal.procedures.models import ProcedureChannel, ProcedurePage

pytestmark = pytest.mark.django_db

HOSTILE = [
    "javascript:alert(document.domain)",
    " JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x.pdf",
    "/relative/path.pdf",
]


def run_import(path):
    err = StringIO()
    try:
        call_command("import_content", str(path), stdout=StringIO(), stderr=err)
        return 0, err.getvalue()
    except SystemExit as exit_:
        return exit_.code, err.getvalue()


@pytest.mark.parametrize("url", HOSTILE)
def test_import_refuses_a_legal_attachment_that_is_not_a_web_address(home, jsonl, url):
    line = {
        "kind": "legal",
        "number": "1/2024/QĐ-BM",
        "title": "Quyết định",
        "attachments": [{"title": "Toàn văn", "url": url}],
    }

    status, err = run_import(jsonl([line]))

    assert status == 1
    assert "attachments[0].url" in err
    assert "http" in err
    assert not LegalDocumentPage.objects.exists()


@pytest.mark.parametrize("url", HOSTILE)
def test_import_refuses_a_procedure_channel_that_is_not_a_web_address(home, jsonl, url):
    line = {
        "kind": "procedure",
        "code": "1.000001",
        "name": "Thủ tục",
        "channels": [{"method": "online", "url": url}],
    }

    status, err = run_import(jsonl([line]))

    assert status == 1
    assert "channels[0].url" in err
    assert not ProcedurePage.objects.exists()


def test_import_still_accepts_https_attachments(home, jsonl):
    line = {
        "kind": "legal",
        "number": "2/2024/QĐ-BM",
        "title": "Quyết định",
        "attachments": [{"title": "Toàn văn", "url": "https://vanban.example.vn/2.pdf"}],
    }

    status, err = run_import(jsonl([line]))

    assert status == 0, err
    assert LegalAttachment.objects.get().source_url == "https://vanban.example.vn/2.pdf"


@pytest.fixture
def document_with_hostile_link(home):
    """A legal document whose attachment address got into the database unchecked."""
    page = LegalDocumentPageFactory(
        parent=LegalDocumentIndexPageFactory(parent=home), number="3/2024/QĐ-BM", issuer=None
    )
    LegalAttachment.objects.create(
        page=page, sort_order=0, title="Bản gốc", source_url="javascript:alert(document.domain)"
    )
    LegalAttachment.objects.create(
        page=page, sort_order=1, title="Bản PDF", source_url="https://example.vn/3.pdf"
    )
    return page


def test_theme_never_renders_a_script_link_to_an_attachment(client, document_with_hostile_link):
    html = client.get(document_with_hostile_link.url).content.decode()

    assert "javascript:" not in html
    assert 'href="https://example.vn/3.pdf"' in html


def test_api_never_hands_out_a_script_link_to_an_attachment(client, document_with_hostile_link):
    body = client.get("/api/legal/3-2024-qd-bm/").json()

    assert [a["url"] for a in body["attachments"]] == [None, "https://example.vn/3.pdf"]


@pytest.fixture
def procedure_with_hostile_channel(home):
    page = ProcedurePageFactory(code="1.000777")
    ProcedureChannel.objects.create(
        page=page, sort_order=0, method="online", url="data:text/html,<script>alert(1)</script>"
    )
    return page


def test_theme_never_renders_a_script_link_to_an_online_service(
    client, procedure_with_hostile_channel
):
    html = client.get(procedure_with_hostile_channel.url).content.decode()

    assert "data:text/html" not in html
    assert "Nộp hồ sơ trực tuyến" not in html


def test_api_never_hands_out_a_script_link_to_an_online_service(
    client, procedure_with_hostile_channel
):
    body = client.get("/api/procedures/1.000777/").json()

    assert [channel["url"] for channel in body["channels"]] == [""]
