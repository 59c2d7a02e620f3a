import datetime

import factory
import wagtail_factories

from django.utils import timezone

from portal.core.factories import AgencyFactory

from .models import DraftArticle, DraftIndexPage, DraftPage


class DraftIndexPageFactory(wagtail_factories.PageFactory):
    title = "Dự thảo lấy ý kiến"
    slug = "du-thao-lay-y-kien"

    class Meta:
        model = DraftIndexPage


class DraftPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Dự thảo Thông tư số {n}")
    slug = factory.Sequence(lambda n: f"du-thao-{n}")
    doc_type = "Thông tư"
    intended_number = "…/2026/TT-BNNMT"
    drafting_unit = factory.SubFactory(AgencyFactory)
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))

    class Meta:
        model = DraftPage


class DraftArticleFactory(factory.django.DjangoModelFactory):
    number = factory.Sequence(lambda n: str(n + 1))
    title = "Phạm vi điều chỉnh"
    text = "Thông tư này quy định kỹ thuật quan trắc."

    class Meta:
        model = DraftArticle
