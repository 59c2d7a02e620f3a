"""Two-factor authentication for the admin: required of everyone when administrators turn it
on, always asked of a user who set it up, with single-use recovery codes."""

import re

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db


def current_code(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


@pytest.fixture(autouse=True)
def no_throttling(settings):
    # django-otp makes a user wait a growing delay after each wrong code; these tests enter a
    # right code straight after a wrong one.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


@pytest.fixture
def editor(make_editor):
    return make_editor("bien-tap")


@pytest.fixture
def enrolled(editor):
    """The editor with a confirmed authenticator app."""
    return TOTPDevice.objects.create(user=editor, name="app", confirmed=True)


def test_without_the_requirement_an_editor_without_a_device_goes_straight_in(
    client, editor, settings
):
    settings.ADMIN_REQUIRE_2FA = False
    client.force_login(editor)

    assert client.get("/admin/").status_code == 200


def test_when_required_an_editor_must_set_it_up_and_gets_recovery_codes(client, editor, settings):
    settings.ADMIN_REQUIRE_2FA = True
    client.force_login(editor)

    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/2fa/setup/?next=%2Fadmin%2Fpages%2F"

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=editor, confirmed=False)

    wrong = client.post("/admin/2fa/setup/", {"token": "000000", "next": "/admin/pages/"})
    assert "Mã không đúng" in wrong.content.decode()

    done = client.post(
        "/admin/2fa/setup/", {"token": current_code(device), "next": "/admin/pages/"}
    )
    codes = re.findall(r"<li><code>(\w+)</code></li>", done.content.decode())
    assert len(codes) == 10
    assert client.get("/admin/").status_code == 200


def test_a_user_who_set_it_up_must_verify_after_signing_in(client, enrolled, settings):
    settings.ADMIN_REQUIRE_2FA = False
    client.force_login(enrolled.user)

    response = client.get("/admin/")
    assert response["Location"] == "/admin/2fa/verify/?next=%2Fadmin%2F"

    wrong = client.post("/admin/2fa/verify/", {"token": "123456", "next": "/admin/"})
    assert wrong.status_code == 200 and "Mã không đúng" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302

    right = client.post("/admin/2fa/verify/", {"token": current_code(enrolled), "next": "/admin/"})
    assert right["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_works_once(client, enrolled):
    from portal.accounts.two_factor import new_recovery_codes

    code = new_recovery_codes(enrolled.user)[0]
    client.force_login(enrolled.user)
    assert client.post("/admin/2fa/verify/", {"token": code})["Location"] == "/admin/"

    client.logout()
    client.force_login(enrolled.user)
    again = client.post("/admin/2fa/verify/", {"token": code})
    assert again.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_verify_never_redirects_off_site(client, enrolled):
    client.force_login(enrolled.user)

    response = client.post(
        "/admin/2fa/verify/", {"token": current_code(enrolled), "next": "https://evil.example/"}
    )

    assert response["Location"] == "/admin/"


def test_signing_out_stays_open_to_an_unverified_user(client, enrolled):
    client.force_login(enrolled.user)

    response = client.post("/admin/logout/")

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def verified_session(client, device):
    client.force_login(device.user)
    assert client.post("/admin/2fa/verify/", {"token": current_code(device)}).status_code == 302


@pytest.mark.parametrize("required", [False, True])
def test_the_password_alone_cannot_enrol_another_app(client, enrolled, settings, required):
    """An attacker who knows the password signs in and opens setup instead of verify: they are
    sent to verify, and can neither confirm an app of their own nor replace the codes."""
    from portal.accounts.two_factor import new_recovery_codes

    settings.ADMIN_REQUIRE_2FA = required
    codes = new_recovery_codes(enrolled.user)
    client.force_login(enrolled.user)

    page = client.get("/admin/2fa/setup/")
    assert page.status_code == 302
    assert page["Location"].startswith("/admin/2fa/verify/")

    own = TOTPDevice.objects.create(user=enrolled.user, name="app", confirmed=False)
    client.post("/admin/2fa/setup/", {"token": current_code(own)})

    assert list(TOTPDevice.objects.filter(user=enrolled.user, confirmed=True)) == [enrolled]
    assert client.get("/admin/").status_code == 302
    assert client.post("/admin/2fa/verify/", {"token": codes[0]})["Location"] == "/admin/"


def test_replacing_the_app_asks_for_the_current_factor_and_mails_the_owner(
    client, enrolled, mail_through
):
    from portal.accounts.two_factor import new_recovery_codes

    # The app's current code is spent on verifying (a code works once): a recovery code is the
    # current factor here.
    recovery = new_recovery_codes(enrolled.user)
    verified_session(client, enrolled)
    assert "current_token" in client.get("/admin/2fa/setup/").content.decode()
    new = TOTPDevice.objects.get(user=enrolled.user, confirmed=False)

    refused = client.post("/admin/2fa/setup/", {"token": current_code(new)})
    assert refused.status_code == 200 and "<svg" in refused.content.decode()
    refused = client.post(
        "/admin/2fa/setup/", {"current_token": "000000", "token": current_code(new)}
    )
    assert "Mã xác thực hiện tại không đúng" in refused.content.decode()
    assert not TOTPDevice.objects.get(pk=new.pk).confirmed
    assert mail_through.messages == []

    done = client.post(
        "/admin/2fa/setup/",
        {"current_token": recovery[0], "token": current_code(new)},
    )
    assert len(re.findall(r"<li><code>(\w+)</code></li>", done.content.decode())) == 10
    assert list(TOTPDevice.objects.filter(user=enrolled.user, confirmed=True)) == [new]
    [mail] = mail_through.messages
    assert mail["to"] == [enrolled.user.email]
    assert "bien-tap" in mail["data"]


def test_setting_up_the_first_app_mails_the_owner(client, editor, mail_through):
    client.force_login(editor)
    client.get("/admin/2fa/setup/")
    device = TOTPDevice.objects.get(user=editor, confirmed=False)

    client.post("/admin/2fa/setup/", {"token": current_code(device)})

    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    assert [mail["to"] for mail in mail_through.messages] == [[editor.email]]


def test_new_recovery_codes_need_the_current_factor_and_mail_the_owner(
    client, enrolled, mail_through
):
    from portal.accounts.two_factor import new_recovery_codes

    old = new_recovery_codes(enrolled.user)
    verified_session(client, enrolled)

    refused = client.post("/admin/2fa/recovery-codes/", {"current_token": "000000"})
    assert refused.status_code == 200 and "<li><code>" not in refused.content.decode()
    assert mail_through.messages == []

    done = client.post("/admin/2fa/recovery-codes/", {"current_token": old[0]})
    codes = re.findall(r"<li><code>(\w+)</code></li>", done.content.decode())
    assert len(codes) == 10 and old[1] not in codes
    [mail] = mail_through.messages
    assert mail["to"] == [enrolled.user.email]

    client.logout()
    client.force_login(enrolled.user)
    assert client.post("/admin/2fa/verify/", {"token": old[1]}).status_code == 200
    assert client.post("/admin/2fa/verify/", {"token": codes[0]})["Location"] == "/admin/"
