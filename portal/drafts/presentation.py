"""What a draft page shows: its status and countdown, the articles with the published comments on
each, the attachments, the summary of how comments were taken into account, the issued document."""

from django.urls import reverse
from django.utils import timezone

from portal.core.visibility import is_visible

from .commenting import published_comments


def detail_context(draft, request=None):
    now = timezone.now()
    comments = list(published_comments(draft))
    on_article = {}
    for comment in comments:
        on_article.setdefault(comment.article_id, []).append(comment)
    articles = [
        {"article": article, "comments": on_article.get(article.pk, [])}
        for article in draft.articles.all()
    ]
    issued = draft.issued_document
    return {
        "status": draft.status(now),
        "remaining": draft.closes_at - now if draft.is_open(now) else None,
        "draft_articles": articles,
        "general_comments": on_article.get(None, []),
        "published_comments": comments,
        "summary_published": draft.summary_published(now),
        "draft_attachments": draft.attachments.select_related("document"),
        "issued": issued if issued is not None and is_visible(issued) else None,
        "comment_url": reverse("drafts:comment", args=[draft.pk]),
    }
