"""Error reports to Sentry (or a compatible service such as GlitchTip) when SENTRY_DSN is set.

No personal data leaves: no cookies, user details, request bodies or local variables; email and
IP addresses in messages and exception values are masked as in the logs.
"""

from .logging import mask_personal_data


def _masked(event, hint):
    for exception in (event.get("exception") or {}).get("values", []):
        if exception.get("value"):
            exception["value"] = mask_personal_data(exception["value"])
    if isinstance(event.get("message"), str):
        event["message"] = mask_personal_data(event["message"])
    logentry = event.get("logentry") or {}
    if logentry.get("message"):
        logentry["message"] = mask_personal_data(logentry["message"])
    event.get("request", {}).pop("query_string", None)
    return event


def start_error_reports(environ):
    """From settings: nothing at all unless SENTRY_DSN is set."""
    if not environ.get("SENTRY_DSN"):
        return
    import sentry_sdk

    sentry_sdk.init(
        dsn=environ["SENTRY_DSN"],
        environment=environ.get("SENTRY_ENVIRONMENT", "production"),
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        traces_sample_rate=0,
        before_send=_masked,
    )
