"""EMAIL_URL → Django's EMAIL_* settings.

    smtp://user:password@mail.internal:25          plain SMTP (add ?starttls=1 to upgrade)
    submission://user:password@mail.example:587    SMTP with STARTTLS (port 587 by default)
    smtps://user:password@mail.example:465         SMTP over TLS (port 465 by default)
    console://                                     print messages (development)
    file:///var/spool/portal-mail                  one file per message in that folder

User name and password are percent-decoded; `?timeout=SECONDS` sets EMAIL_TIMEOUT (10 by
default, so a dead mail server never holds a worker for long).
"""

from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

SMTP = "django.core.mail.backends.smtp.EmailBackend"
DEFAULT_PORTS = {"smtp": 25, "submission": 587, "smtps": 465}


def parse_email_url(url):
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if scheme == "file":
        if not parts.path:
            raise ImproperlyConfigured("EMAIL_URL file:// needs a folder, e.g. file:///var/mail")
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": unquote(parts.path),
        }
    if scheme not in DEFAULT_PORTS:
        raise ImproperlyConfigured(
            f"EMAIL_URL scheme {scheme!r} is not one of smtp, submission, smtps, console, file"
        )
    if not parts.hostname:
        raise ImproperlyConfigured("EMAIL_URL needs a host name, e.g. smtp://mail.internal")
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    starttls = scheme == "submission" or query.get("starttls", "") in ("1", "true", "yes")
    return {
        "EMAIL_BACKEND": SMTP,
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": parts.port or DEFAULT_PORTS[scheme],
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": scheme == "smtps",
        "EMAIL_USE_TLS": starttls,
        "EMAIL_TIMEOUT": int(query.get("timeout", "10")),
    }
