import datetime

import factory
import wagtail_factories

from portal.core.factories import AgencyFactory

from .models import LegalDocumentIndexPage, LegalDocumentPage


class LegalDocumentIndexPageFactory(wagtail_factories.PageFactory):
    title = "Văn bản"
    slug = "van-ban"

    class Meta:
        model = LegalDocumentIndexPage


class LegalDocumentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Thông tư quy định kỹ thuật số {n}")
    number = factory.Sequence(lambda n: f"{n + 1:02d}/2024/TT-BTNMT")
    slug = factory.LazyAttribute(lambda page: page.number.replace("/", "-").lower())
    doc_type = "Thông tư"
    issuer = factory.SubFactory(AgencyFactory)
    issued = datetime.date(2024, 1, 15)
    effective = factory.LazyAttribute(lambda page: page.issued)

    class Meta:
        model = LegalDocumentPage
