"""Reading the content event log in order, without skipping what a running transaction may
still commit."""

import datetime

import pytest

from django.utils import timezone

from portal.core.models import ConsumerState, ContentEvent
from portal.core.publishing import consumers

pytestmark = pytest.mark.django_db


def events(*keys, age=datetime.timedelta(0)):
    when = timezone.now() - age
    return ContentEvent.objects.bulk_create(
        ContentEvent(kind="test.page", key=key, action="changed", timestamp=when) for key in keys
    )


def test_a_reader_waits_at_a_recent_gap_and_passes_an_old_one(log_reader):
    events("a")
    consumers.run_consumer("test_reader")
    b, c, d = events("b", "c", "d")
    c.delete()  # an id given to a transaction not committed yet (or rolled back)
    consumers.run_consumer("test_reader")
    assert [event.key for event in log_reader] == ["a", "b"]

    ContentEvent.objects.filter(pk=d.pk).update(timestamp=timezone.now() - consumers.GAP_GRACE)
    consumers.run_consumer("test_reader")
    assert [event.key for event in log_reader] == ["a", "b", "d"]
    assert ConsumerState.objects.get(name="test_reader").position == d.pk


def test_a_new_reader_takes_the_whole_log(log_reader):
    first, second = events("a", "b")
    first.delete()  # the log may start anywhere (an emptied test database, pruned history)
    consumers.run_consumer("test_reader")
    assert [event.key for event in log_reader] == ["b"]
