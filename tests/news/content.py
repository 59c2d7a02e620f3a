"""Realistic news content for the query-budget tests: sections of published items (through the
publishing path), each with a featured image, tags and a body with images."""

from portal.news.factories import ImageFactory, NewsPageFactory
from portal.news.structure import news_section

TAGS = ["Đất đai", "Tài nguyên nước", "Môi trường"]


def body_with_images(count):
    return [
        {
            "type": "image",
            "value": {"image": ImageFactory().pk, "alt": f"Ảnh {n}", "caption": "", "credit": ""},
        }
        for n in range(count)
    ] + [{"type": "paragraph", "value": "<p>Nội dung bài viết.</p>"}]


def publish_news(section, images=1, tags=(), **fields):
    """A published news item with a featured image and `images` images in its body."""
    page = NewsPageFactory.build(
        featured_image=ImageFactory(),
        featured_image_alt="Ảnh đại diện",
        body=body_with_images(images),
        **fields,
    )
    page.tags.set(list(tags))
    section.add_child(instance=page)
    page.save_revision().publish()
    return page


def news_sections(count, items, featured=True, first=0):
    """`count` sections of `items` published items each (featured ones go to the home page)."""
    sections = []
    for number in range(first, first + count):
        section = news_section(f"Chuyên mục số {number}")
        for item in range(items):
            publish_news(
                section,
                title=f"Tin {item} của chuyên mục {number}",
                tags=TAGS[: 1 + item % len(TAGS)],
                featured=featured,
            )
        sections.append(section)
    return sections
