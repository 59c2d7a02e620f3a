"""`{% page_comments page %}`: the published comments of a page and the link to write one, for
pages of a section that takes comments (nothing otherwise)."""

from django import template

from ..comments import comments_open, published_comments

register = template.Library()


@register.inclusion_tag("engagement/includes/page_comments.html", takes_context=True)
def page_comments(context, page):
    is_open = page is not None and comments_open(page)
    return {
        "page": page,
        "open": is_open,
        "comments": published_comments(page) if is_open else [],
        "request": context.get("request"),
    }
