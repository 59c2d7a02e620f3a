"""The admin's password-reset form, limited per account: the mails sent to one account are
counted (ACCOUNT_MAIL_RATE), so nobody can flood an editor's mailbox with reset links. The page
answers the same either way, so it tells nobody whether an address has an account."""

from django.conf import settings

from wagtail.admin.forms.auth import PasswordResetForm

from portal.core import rate_limits


def take_mail_slot(user, purpose):
    """Count one mail of `purpose` to this account; False when over ACCOUNT_MAIL_RATE."""
    return rate_limits.take(f"account-mail:{purpose}:{user.pk}", settings.ACCOUNT_MAIL_RATE)


class LimitedPasswordResetForm(PasswordResetForm):
    def get_users(self, email):
        for user in super().get_users(email):
            if take_mail_slot(user, "password-reset"):
                yield user
