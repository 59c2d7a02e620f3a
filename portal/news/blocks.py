"""The blocks of a news item's body. Every image carries its own alt text (required)."""

import re

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from portal.core.sanitise import clean_html

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]

# Video hosts whose player can be embedded from the URL alone, without an oEmbed request.
_YOUTUBE = re.compile(
    r"^https?://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?(?:.*&)?v=|embed/|shorts/|live/)"
    r"|youtu\.be/)([\w-]{11})"
)
_VIMEO = re.compile(r"^https?://(?:www\.|player\.)?vimeo\.com/(?:video/)?(\d+)")


def video_embed_url(url):
    """The player URL for a YouTube or Vimeo link, or None for any other address."""
    if match := _YOUTUBE.match(url or ""):
        return f"https://www.youtube-nocookie.com/embed/{match.group(1)}"
    if match := _VIMEO.match(url or ""):
        return f"https://player.vimeo.com/video/{match.group(1)}"
    return None


class ParagraphBlock(blocks.RichTextBlock):
    """Rich text whose stored HTML is always cleaned, whoever wrote it (editor, import, API)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    def get_prep_value(self, value):
        return clean_html(super().get_prep_value(value))

    class Meta:
        icon = "pilcrow"
        label = "Đoạn văn"
        template = "news/blocks/paragraph.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Ảnh")
    alt = blocks.CharBlock(
        label="Văn bản thay thế (alt)",
        max_length=255,
        help_text="Mô tả nội dung ảnh cho người dùng trình đọc màn hình. Bắt buộc.",
    )
    caption = blocks.CharBlock(label="Chú thích", required=False, max_length=500)
    credit = blocks.CharBlock(label="Nguồn ảnh / tác giả", required=False, max_length=255)

    class Meta:
        icon = "image"
        label = "Ảnh"
        template = "news/blocks/image.html"


class InfographicBlock(blocks.StructBlock):
    """A tall image shown at full width, with its text alternative (the data it shows)."""

    title = blocks.CharBlock(label="Tiêu đề", max_length=255)
    image = ImageChooserBlock(label="Ảnh infographic")
    alt = blocks.TextBlock(
        label="Mô tả nội dung (alt)",
        help_text="Tóm tắt số liệu của infographic cho người không xem được ảnh. Bắt buộc.",
    )
    credit = blocks.CharBlock(label="Nguồn", required=False, max_length=255)

    class Meta:
        icon = "image"
        label = "Infographic"
        template = "news/blocks/infographic.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Trích dẫn")
    attribution = blocks.CharBlock(label="Người phát biểu", required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = "Trích dẫn"
        template = "news/blocks/quote.html"


class VideoValue(blocks.StructValue):
    @cached_property
    def embed_url(self):
        return video_embed_url(self.get("url"))


class VideoBlock(blocks.StructBlock):
    """A YouTube or Vimeo video, rendered as an iframe from its URL: no network at render."""

    url = blocks.URLBlock(label="Địa chỉ video (YouTube, Vimeo)")
    title = blocks.CharBlock(label="Tiêu đề video", max_length=255)
    caption = blocks.CharBlock(label="Chú thích", required=False, max_length=500)

    def clean(self, value):
        value = super().clean(value)
        if video_embed_url(value.get("url")) is None:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        "Chỉ nhúng được video YouTube hoặc Vimeo "
                        "(ví dụ https://www.youtube.com/watch?v=...)."
                    )
                }
            )
        return value

    class Meta:
        icon = "media"
        label = "Video"
        value_class = VideoValue
        template = "news/blocks/video.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Tài liệu")
    title = blocks.CharBlock(
        label="Tên hiển thị", required=False, max_length=255, help_text="Để trống: tên tài liệu."
    )

    class Meta:
        icon = "doc-full"
        label = "Tài liệu đính kèm"
        template = "news/blocks/document_link.html"


class RelatedLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label="Trang liên quan")
    title = blocks.CharBlock(
        label="Tên hiển thị", required=False, max_length=255, help_text="Để trống: tiêu đề trang."
    )

    class Meta:
        icon = "link"
        label = "Nội dung liên quan"
        template = "news/blocks/related_link.html"


class NewsBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    infographic = InfographicBlock()
    document = DocumentLinkBlock()
    related = RelatedLinkBlock()
