import datetime
import io

import factory
import wagtail_factories
from PIL import Image as PILImage

from django.core.files.images import ImageFile
from django.utils import timezone

from wagtail.images.models import Image

from .models import NewsIndexPage, NewsPage


def image_file(width=640, height=360, color=(20, 110, 160), name="anh.jpg", fmt="JPEG"):
    """A real image file made with Pillow."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), color).save(buffer, fmt)
    return ImageFile(buffer, name=name)


class ImageFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Ảnh {n}")
    file = factory.LazyFunction(image_file)

    class Meta:
        model = Image


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Chuyên mục {n}")

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Tin số {n}")
    lead = "Bộ Tài nguyên và Môi trường tổ chức hội nghị triển khai nhiệm vụ năm."
    publish_date = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))

    class Meta:
        model = NewsPage
