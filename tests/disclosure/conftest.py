import pytest

from portal.legal.factories import LegalDocumentIndexPageFactory, LegalDocumentPageFactory


@pytest.fixture
def document(home):
    index = LegalDocumentIndexPageFactory(parent=home)
    document = LegalDocumentPageFactory(
        parent=index,
        number="08/2022/NĐ-CP",
        title="Nghị định quy định chi tiết Luật Bảo vệ môi trường",
    )
    document.save_revision().publish()
    document.refresh_from_db()
    return document
