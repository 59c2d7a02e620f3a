"""`{% site_feeds %}`: <link rel="alternate"> for the feeds a home or section page offers (all
news of the page's language, and the partner feeds of new legal documents and procedure
changes), so that browsers and feed readers find them."""

from django import template
from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

from portal.core import public_url

register = template.Library()


def _news_feeds(request, language):
    if not apps.is_installed("portal.news"):
        return []
    from portal.news.feeds import feed_links
    from portal.news.models import LatestNewsPage

    latest = LatestNewsPage.objects.live().public().filter(locale__language_code=language).first()
    return feed_links(latest, request)[:2] if latest is not None else []


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
    feeds = _news_feeds(request, language) + _change_feeds(request)
    return format_html_join(
        "\n  ",
        '<link rel="alternate" type="{}" title="{}" href="{}">',
        ((feed["type"], feed["title"], feed["url"]) for feed in feeds),
    ) or format_html("")
