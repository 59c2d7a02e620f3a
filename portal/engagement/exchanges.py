"""Online exchanges: the answers approved so far (for the page, its JSON feed and its
transcript in search). Only published answer pages count, so an answer shows the moment the
board approves it, and never the asker's identity."""

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import strip_tags

from wagtail.rich_text import expand_db_html

from portal.core.identifiers import LARGEST_ID
from portal.core.visibility import visible
from search.documents import SearchDocument

from .models import AnswerPage, ExchangePage


def answers(exchange):
    return visible(AnswerPage.objects.filter(exchange=exchange)).order_by(
        "first_published_at", "pk"
    )


def page_context(page, request):
    return {
        "answers": answers(page),
        "feed_url": reverse("engagement:exchange_answers", args=[page.pk]),
        "ask_url": f"{reverse('engagement:ask')}?exchange={page.pk}",
    }


def answers_feed(request, page_id):
    """GET: the exchange's answers so far, as JSON, for the page's polling script."""
    if page_id > LARGEST_ID:
        raise Http404
    exchange = get_object_or_404(visible(ExchangePage.objects.filter(pk=page_id)))
    rows = [
        {
            "id": answer.pk,
            "code": answer.code,
            "title": answer.title,
            "question": answer.question,
            "answer": expand_db_html(answer.answer),
            "url": answer.get_url(request),
        }
        for answer in answers(exchange)
    ]
    response = JsonResponse({"ended": exchange.ended, "answers": rows})
    response["Cache-Control"] = "public, max-age=10"
    return response


def search_documents(page):
    """The transcript: topic, leader, guests and every approved question and answer."""
    parts = [page.topic, page.leader, *page.guest_list()]
    for answer in answers(page):
        parts += [answer.title, answer.question, strip_tags(answer.answer)]
    return [
        SearchDocument(
            kind="question",
            id=f"GL-{page.pk}",
            title=page.title,
            url=page.get_url() or page.url_path,
            language=page.locale.language_code,
            body="\n\n".join(part for part in parts if part),
            summary=page.topic[:300],
            date=page.starts_at.date(),
            page_id=page.pk,
        )
    ]
