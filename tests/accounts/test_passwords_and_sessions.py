import pytest

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from .conftest import PASSWORD


@pytest.mark.parametrize("weak", ["12345678901234", "ngan-qua1", "password1234"])
def test_weak_passwords_are_refused(weak):
    with pytest.raises(ValidationError):
        validate_password(weak)


def test_a_long_uncommon_password_is_accepted():
    validate_password(PASSWORD)


@pytest.mark.django_db
def test_admin_sessions_end_when_idle_and_when_the_browser_closes(client, make_editor):
    make_editor("bien-tap")
    client.post("/admin/login/", {"username": "bien-tap", "password": PASSWORD})

    assert client.session.get_expiry_age() == 2 * 3600
    assert client.session.get_expire_at_browser_close()
    cookie = client.cookies["sessionid"]
    assert cookie["httponly"]
    assert not cookie["max-age"]
