"""The published questions and answers listing costs the same few queries however many answers
there are (issue 20: listings within 10 queries)."""

import pytest

from wagtail.models import Workflow

from portal.engagement import answering
from portal.engagement.factories import QuestionFactory

pytestmark = pytest.mark.django_db

BUDGET = 10


def publish_answers(count, field):
    Workflow.objects.update(active=False)
    return [
        answering.submit_answer(QuestionFactory(answer=f"Trả lời số {n}.", field=field))
        for n in range(count)
    ]


def test_the_answers_listing_does_not_grow_with_answers(page_queries, section, field):
    publish_answers(3, field)
    _response, few = page_queries(section.url + "?page=1", warm_up=section.url)
    publish_answers(30, field)
    response, many = page_queries(section.url + "?page=1", warm_up=section.url)

    assert response.text.count("<li><h2><a href=") == 20  # a full page of answers
    assert len(few) == len(many), "\n".join(many)
    assert len(many) <= BUDGET, "\n".join(many)
