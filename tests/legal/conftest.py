import pytest

from portal.legal.factories import LegalDocumentIndexPageFactory, LegalDocumentPageFactory
from portal.legal.models import LegalRelation


@pytest.fixture
def index_page(home):
    return LegalDocumentIndexPageFactory(parent=home)


@pytest.fixture
def make_document(index_page):
    """A live legal document under the index; `relations` is [(type, number)]."""

    def make(relations=(), **fields):
        page = LegalDocumentPageFactory(parent=index_page, **fields)
        for position, (relation_type, number) in enumerate(relations):
            LegalRelation.objects.create(
                page=page, sort_order=position, relation_type=relation_type, target_number=number
            )
        return page

    return make
