import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from tests.core.test_email import mail_through, smtp_server  # noqa: F401  (fixtures)

PASSWORD = "mot-mat-khau-dai-1"


@pytest.fixture
def make_editor(db):
    """A user who may use the Wagtail admin, with a known password."""

    def make(username):
        user = get_user_model().objects.create_user(username, f"{username}@example.vn", PASSWORD)
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        return user

    return make
