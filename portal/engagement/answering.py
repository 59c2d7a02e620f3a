"""Staff work on questions: assign a unit, draft the answer, send it through the board's
approval workflow. The answer page is published by the workflow when one applies, else through
the one publishing path (portal.core.publishing); `on_answer_published` then closes the
question."""

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape, linebreaks

from portal.core import publishing
from portal.core.sanitise import clean_html

from . import notifications
from .choices import QuestionStatus
from .models import AnswerPage, Question, StatusChange
from .structure import question_section


def _step(question, status, user=None, note=""):
    question.status = status
    question.save(update_fields=["status"])
    return StatusChange.objects.create(question=question, status=status, user=user, note=note)


@transaction.atomic
def assign(question, unit, user=None):
    question.unit = unit
    question.save(update_fields=["unit"])
    _step(question, QuestionStatus.ASSIGNED, user, note=unit.name if unit else "")


def answer_html(text):
    """A staff answer as page rich text: HTML through the editors' whitelist, plain text as
    escaped paragraphs."""
    return clean_html(text) if text.lstrip().startswith("<") else linebreaks(escape(text))


@transaction.atomic
def submit_answer(question, user=None, answer=None):
    """Write the draft answer into the question's page (created on first use) and start the
    page's workflow; without a workflow the page is published at once. Returns the page."""
    if answer is not None:
        question.answer = answer
        question.save(update_fields=["answer"])
    if not question.answer.strip():
        raise ValueError("the question has no answer to submit")
    if not question.publishable:
        raise ValueError("the question is marked not to be published")
    page = question.answer_page
    values = {
        "title": question.title,
        "question": question.public_text or question.title,
        "answer": answer_html(question.answer),
        "field": question.field,
        "unit": question.unit.name if question.unit else "",
        "asked_on": timezone.localdate(question.created_at),
        "answered_on": timezone.localdate(),
        "exchange": question.exchange,
    }
    created = page is None
    if created:
        page = AnswerPage(code=question.code, slug=question.code.lower(), live=False, **values)
        question_section().add_child(instance=page)
        question.answer_page = page
        question.save(update_fields=["answer_page"])
    else:
        page = page.specific
        for name, value in values.items():
            setattr(page, name, value)
    workflow = page.get_workflow()
    if workflow is None:
        publishing.publish_revision(page, created=created, user=user)
    else:
        page.save_revision(user=user)
        _step(question, QuestionStatus.IN_REVIEW, user)
        workflow.start(page, user)
    return page


@transaction.atomic
def close_privately(question, user=None, note=""):
    """A question marked not to be published: answered by letter or phone, then closed."""
    question.publishable = False
    question.answered_at = question.answered_at or timezone.now()
    question.save(update_fields=["publishable", "answered_at"])
    notifications.notify(question, _step(question, QuestionStatus.CLOSED, user, note))


def on_answer_published(page):
    if page.exchange_id:  # the exchange's transcript has a new answer: search reads it again
        publishing.page_changed(page.exchange, ["transcript"], bump=False)
    question = Question.objects.filter(code=page.code).first()
    if question is None or question.status == QuestionStatus.ANSWERED:
        return
    question.answered_at = timezone.now()
    question.save(update_fields=["answered_at"])
    notifications.notify(question, _step(question, QuestionStatus.ANSWERED))


def withdraw(question, user=None):
    """Take a question's live answer page off the site (it was marked not to be published)."""
    page = question.answer_page
    if page is not None and page.live:
        publishing.unpublish(page.specific, user=user)
