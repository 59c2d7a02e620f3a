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


@pytest.fixture
def local_index(home):
    """The legal documents index of a provincial site made with plain Wagtail (a home page
    beside the national one): `local_index("hanoi.localhost", "Hà Nội")`."""
    from wagtail.models import Page, Site

    from portal.core.models import HomePage

    def make(hostname, name):
        site_home = Page.get_first_root_node().add_child(
            instance=HomePage(title=name, slug=hostname.split(".")[0], locale=home.locale)
        )
        site_home.save_revision().publish()
        Site.objects.create(hostname=hostname, port=80, root_page=site_home, site_name=name)
        return LegalDocumentIndexPageFactory(parent=site_home)

    return make
