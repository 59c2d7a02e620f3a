"""`{% site_feeds %}`: <link rel="alternate"> for the feeds a home or section page offers (what
the content apps contribute through the `register_site_feeds` hook, such as all news of the
page's language, then the partner feeds of new legal documents and procedure changes), so that
browsers and feed readers find them."""

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

from wagtail import hooks

from portal.core import public_url

register = template.Library()
# A content app contributes feeds: a function of (request, language) returning feed links.
HOOK = "register_site_feeds"


def _change_feeds(request):
    feeds = []
    for name, title in (
        ("legal_changes_feed", gettext("Văn bản mới ban hành hoặc thay đổi")),
        ("procedure_changes_feed", gettext("Thủ tục hành chính: mới, sửa đổi, bãi bỏ")),
    ):
        try:
            path = reverse(name)
        except NoReverseMatch:
            continue
        feeds.append(
            {
                "title": f"{title} (Atom)",
                "type": "application/atom+xml",
                "url": public_url.absolute(path, request),
            }
        )
    return feeds


@register.simple_tag(takes_context=True)
def site_feeds(context):
    request = context.get("request")
    page = context.get("page")
    language = page.locale.language_code if page is not None else "vi"
    feeds = [feed for contribute in hooks.get_hooks(HOOK) for feed in contribute(request, language)]
    feeds += _change_feeds(request)
    return format_html_join(
        "\n  ",
        '<link rel="alternate" type="{}" title="{}" href="{}">',
        ((feed["type"], feed["title"], feed["url"]) for feed in feeds),
    ) or format_html("")
