"""Wagtail API v2 at /api/v2/: pages, images (with rendition URLs) and documents.

Page types expose their own fields through `api_fields` on the model (Wagtail's convention);
this module only decides which pages exist for the API: the visible ones (see visibility.py)
that the agency's site the request came to shows (portal.core.sites.scoped): its own and the
national shared content.
"""

from rest_framework.fields import Field

from django.urls import NoReverseMatch

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageHtmlUrlField, PageSerializer
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page

from portal.core.home_addresses import home_url_parts
from portal.core.sites import request_site
from portal.core.visibility import visible, visible_documents

from .v2_inputs import with_safe_inputs

# The sizes every image is offered in; headless clients pick one instead of resizing originals.
RENDITIONS = {
    "thumbnail": "fill-400x300",
    "medium": "max-800x800",
    "large": "max-1600x1600",
}


class PublicHtmlUrlField(PageHtmlUrlField):
    """`html_url` with the portal's public address, for listings of plain `Page` objects too."""

    def to_representation(self, page):
        try:
            parts = page.get_url_parts(self.context.get("request"))
        except NoReverseMatch:
            return None
        if parts is None or parts[1] is None:
            return None
        _site_id, root_url, path = home_url_parts(page, parts, self.context.get("request"))
        return root_url + path


class PortalPageSerializer(PageSerializer):
    html_url = PublicHtmlUrlField(read_only=True)


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Pages as anyone sees them: never drafts, private or scheduled pages, whoever asks; only
    those the request's site shows."""

    base_serializer_class = PortalPageSerializer

    def get_base_queryset(self):
        # Wagtail's own site filter knows nothing of shared national content: the public rule
        # (portal.core.visibility) decides.
        return visible(Page.objects.exclude(depth=1), request_site(self.request))


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    """Documents the public may fetch: none that only hidden pages use."""

    def get_queryset(self):
        return visible_documents(super().get_queryset())


class RenditionsField(Field):
    """`{"thumbnail": {"url", "full_url", "width", "height", "alt"}, "medium": ..., ...}`"""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, image):
        return {
            name: ImageRenditionField(spec).to_representation(image)
            for name, spec in RENDITIONS.items()
        }


class PortalImageSerializer(ImageSerializer):
    renditions = RenditionsField(read_only=True)


class PortalImagesAPIViewSet(ImagesAPIViewSet):
    base_serializer_class = PortalImageSerializer
    meta_fields = ImagesAPIViewSet.meta_fields + ["renditions"]
    listing_default_fields = ImagesAPIViewSet.listing_default_fields + ["renditions"]


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", with_safe_inputs(PublicPagesAPIViewSet))
api_router.register_endpoint("images", with_safe_inputs(PortalImagesAPIViewSet))
api_router.register_endpoint("documents", with_safe_inputs(PublicDocumentsAPIViewSet))
