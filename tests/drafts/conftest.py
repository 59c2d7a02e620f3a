import datetime

import pytest

from django.utils import timezone

from portal.drafts.factories import DraftArticleFactory, DraftIndexPageFactory, DraftPageFactory
from tests.engagement.conftest import fresh_rate_limits  # noqa: F401  (autouse fixture)
from tests.search.conftest import committed, engine  # noqa: F401  (fixtures)


@pytest.fixture
def index(home):
    return DraftIndexPageFactory(parent=home)


@pytest.fixture
def draft(index):
    page = DraftPageFactory(parent=index, title="Dự thảo Thông tư quan trắc môi trường")
    for number in ("1", "2"):
        DraftArticleFactory(page=page, number=number, text=f"Nội dung Điều {number} dự thảo.")
    page.save_revision().publish()
    return page


def close(page, now=None):
    """The period ends (an editor moves the deadline to the past, as time would)."""
    page.opens_at = (now or timezone.now()) - datetime.timedelta(days=30)
    page.closes_at = (now or timezone.now()) - datetime.timedelta(minutes=1)
    page.save_revision().publish()
