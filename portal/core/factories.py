import factory
import wagtail_factories

from .models import Agency, Field, HomePage, Topic


class AgencyFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Sở Tài nguyên và Môi trường số {n}")
    level = Agency.Level.PROVINCIAL

    class Meta:
        model = Agency


class FieldFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Lĩnh vực {n}")

    class Meta:
        model = Field


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Chủ đề {n}")

    class Meta:
        model = Topic


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Trang chủ"

    class Meta:
        model = HomePage
