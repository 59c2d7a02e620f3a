from django.apps import AppConfig
from django.conf import settings


class NewsConfig(AppConfig):
    name = "portal.news"
    label = "news"
    verbose_name = "Tin tức"

    def ready(self):
        from PIL import Image

        # Pillow warns above this many pixels and refuses twice as many (decompression bombs);
        # keep it in step with the upload limit so no image past the limit is ever decoded.
        max_pixels = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None)
        if max_pixels:
            Image.MAX_IMAGE_PIXELS = max_pixels
