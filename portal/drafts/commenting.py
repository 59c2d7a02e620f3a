"""Taking in a comment on a draft: checked whole (the draft is public here and open now, the
article is the draft's own) and saved in one transaction, so nothing is ever half-saved. The
web form and the API call the same function; a refusal names the field it is about."""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.engagement import codes
from portal.engagement.intake import redact
from portal.engagement.models import CommentStatus

from .models import DraftArticle, DraftComment

logger = logging.getLogger(__name__)
PREFIX = "YK"


class Refused(ValueError):
    """The comment cannot be taken; `field` names the input, `status` the HTTP answer."""

    def __init__(self, field, message, status=400):
        self.field, self.status = field, status
        super().__init__(message)


def article_of(draft, number):
    """The draft's article with this number, None for a comment on the whole draft."""
    if not number:
        return None
    article = DraftArticle.objects.filter(page=draft, number=str(number).strip()).first()
    if article is None:
        raise Refused("article", _("Dự thảo không có Điều %(number)s.") % {"number": number})
    return article


@transaction.atomic
def submit_comment(draft, data, now=None):
    """`data`: cleaned `article`, `name`, `organisation`, `email`, `text`."""
    now = now or timezone.now()
    if not draft.is_open(now):
        raise Refused("draft", _("Dự thảo này hiện không nhận ý kiến góp ý."), status=409)
    if not (data.get("name") or data.get("organisation")):
        raise Refused("name", _("Hãy cho biết họ tên hoặc tên tổ chức."))
    comment = DraftComment.objects.create(
        draft=draft,
        article=article_of(draft, data.get("article")),
        code=codes.unique_code(DraftComment, PREFIX),
        name=data.get("name") or "",
        organisation=data.get("organisation") or "",
        email=data["email"],
        consented_at=now,
        text=data["text"],
        public_text=redact(data["text"], data),
        created_at=now,
    )
    # Logged by code only: personal data never goes to the logs.
    logger.info("draft comment received: %s", comment.code)
    return comment


def published_comments(draft):
    return (
        DraftComment.objects.filter(draft=draft, status=CommentStatus.PUBLISHED)
        .select_related("article")
        .order_by("created_at", "pk")
    )
