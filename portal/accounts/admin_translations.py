"""Vietnamese for the strings of the admin's sign-in pages that Wagtail's own Vietnamese
catalogue leaves in English or garbles ("Nhập Tên đăng nhậpcủa bạn"). Listed here so that
`make messages` keeps them in portal/locale, whose catalogue Django reads before Wagtail's."""

from django.utils.translation import gettext_noop

ADMIN_SIGN_IN = [
    gettext_noop("Sign in"),
    gettext_noop("Sign in to Wagtail"),
    gettext_noop("Signing in…"),
    gettext_noop("Forgotten password?"),
    gettext_noop("Remember me"),
    gettext_noop("Enter your %(username_field_name)s"),
    gettext_noop("Your %(username_field)s and password didn't match. Please try again."),
]
