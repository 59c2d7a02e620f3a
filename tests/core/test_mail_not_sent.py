"""Mail that does not reach anyone is never counted as sent: without EMAIL_URL the alerts outbox
keeps its messages (not printed, not marked sent), and the demo's made-up people send nothing
through the configured mail server."""

import pytest

from django.core.management import call_command

from portal.alerts.models import OutgoingEmail, Subscriber
from portal.alerts.sending import send_due
from tests.core.test_email import mail_through, smtp_server  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db
ADDRESS = "nguoi-theo-doi@example.vn"


@pytest.mark.parametrize("backend", ["dummy", "console"])
def test_without_email_url_alerts_wait_unprinted_and_unsent(settings, capsys, backend):
    settings.EMAIL_DELIVERY_BACKEND = f"django.core.mail.backends.{backend}.EmailBackend"
    email = OutgoingEmail.objects.create(subscriber=Subscriber.objects.create(email=ADDRESS))

    report = send_due()

    email.refresh_from_db()
    assert report.sent == 0
    assert email.status == OutgoingEmail.Status.PENDING and email.sent_at is None
    assert ADDRESS not in capsys.readouterr().out


def test_loading_the_demo_sends_no_mail(mail_through):  # noqa: F811
    call_command("load_demo")
    assert mail_through.messages == []


def test_an_alert_left_with_nothing_to_say_is_not_counted_or_marked_sent(mail_through):  # noqa: F811
    """Its subscriptions ended between the match and the sending: no mail goes out, so the
    outbox neither shows it as sent nor counts it."""
    subscriber = Subscriber.objects.create(email=ADDRESS)
    OutgoingEmail.objects.create(subscriber=subscriber, matches=[], subscriptions=[])

    report = send_due()

    assert mail_through.messages == []
    assert report.sent == 0
    assert not OutgoingEmail.objects.filter(status=OutgoingEmail.Status.SENT).exists()
