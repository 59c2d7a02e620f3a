"""Uploads go through Wagtail's image form, with real files made by Pillow."""

import io
import os
import re

import pytest
from PIL import Image as PILImage

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images.forms import get_image_form
from wagtail.images.models import Image

from portal.news.factories import ImageFactory, NewsPageFactory


def upload(content, name):
    form_class = get_image_form(Image)
    form = form_class(
        data={"title": "Ảnh tải lên", "collection": "1"},
        files={"file": SimpleUploadedFile(name, content)},
    )
    return form


def png(image):
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def test_normal_photo_is_accepted(db):
    form = upload(png(PILImage.new("RGB", (1600, 900), (30, 120, 80))), "anh.png")
    assert form.is_valid(), form.errors


def test_file_over_ten_megabytes_is_refused(db):
    noise = PILImage.frombytes("RGB", (1900, 1900), os.urandom(1900 * 1900 * 3))
    content = png(noise)
    assert len(content) > 10 * 1024 * 1024

    form = upload(content, "nhieu.png")

    assert not form.is_valid()
    assert "too big" in form.errors["file"][0]


def test_image_over_forty_megapixels_is_refused(db):
    content = png(PILImage.new("L", (8000, 5100)))  # 40.8 megapixels, a small file
    assert len(content) < 1024 * 1024

    form = upload(content, "rong.png")

    assert not form.is_valid()
    assert "too many pixels" in form.errors["file"][0]


def test_decompression_bomb_is_refused(db):
    content = png(PILImage.new("1", (20_000, 10_000)))  # 200 megapixels in a few kilobytes

    form = upload(content, "bom.png")

    assert not form.is_valid()
    assert "too many pixels" in form.errors["file"][0]
    with pytest.raises(PILImage.DecompressionBombError):
        PILImage.open(io.BytesIO(content)).load()


def test_text_file_named_like_an_image_is_refused(db):
    form = upload(b"<script>alert(1)</script> khong phai anh", "gia-mao.png")

    assert not form.is_valid()
    assert form.errors["file"]


def test_featured_image_needs_alt_text(section):
    page = NewsPageFactory.build(slug="anh-khong-alt", featured_image=ImageFactory())
    with pytest.raises(ValidationError) as error:
        section.add_child(instance=page)
    assert "văn bản thay thế" in error.value.message_dict["featured_image_alt"][0]


def test_image_block_needs_alt_text(db):
    from portal.news.blocks import CaptionedImageBlock

    block = CaptionedImageBlock()
    value = block.to_python({"image": ImageFactory().pk, "alt": "", "caption": "Chú thích"})
    with pytest.raises(ValidationError):
        block.clean(value)


def test_rendered_picture_has_webp_and_jpeg_and_alt(client, make_news):
    make_news(
        slug="co-anh",
        featured_image=ImageFactory(),
        featured_image_alt="Toàn cảnh hội nghị",
    )
    html = client.get("/tin-hoat-dong/co-anh/").content.decode()
    picture = re.search(r"<picture>.*?</picture>", html, re.S).group(0)
    source = re.search(r"<source [^>]*>", picture).group(0)
    img = re.search(r"<img [^>]*>", picture).group(0)
    assert 'type="image/webp"' in source
    assert ".webp 480w" in source
    assert 'alt="Toàn cảnh hội nghị"' in img
    assert re.search(r'src="/media/images/[^"]+\.jpg"', img)
    assert ".jpg 480w" in img
