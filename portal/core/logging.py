"""Structured logs: one JSON object per line on stdout (production), with the request id and,
for signed-in users, their numeric id; never a name, an email or an address.

- RequestContextMiddleware takes the request id from the proxy's X-Request-ID (when it is a
  plain token) or makes one, returns it in the response's X-Request-ID, and keeps it and the
  user's id for the log lines written until the request is finished (Django logs a 4xx/5xx
  response after the middleware has returned it).
- JsonFormatter writes time, level, logger, message, request_id, user_id and the exception.
  Email addresses and IP addresses in a message are masked, in case one slips in.
"""

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime

_request_id = contextvars.ContextVar("request_id", default=None)
_user_id = contextvars.ContextVar("user_id", default=None)

_TOKEN = re.compile(r"^[A-Za-z0-9._-]{1,100}$")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_IPV4 = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")


def mask_personal_data(text):
    return _IPV4.sub("[ip]", _EMAIL.sub("[email]", text))


class RequestContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        request_id = given if _TOKEN.match(given) else uuid.uuid4().hex
        request.request_id = request_id
        _request_id.set(request_id)
        _user_id.set(None)
        response = self.get_response(request)
        response["X-Request-ID"] = request_id
        return response


def forget_request(**kwargs):
    """On `request_finished`, after Django's own log line of the response: later lines of this
    thread belong to no request."""
    _request_id.set(None)
    _user_id.set(None)


class UserIdMiddleware:
    """After authentication: the signed-in user's id for the log lines of this request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            _user_id.set(user.pk)
        return self.get_response(request)


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": mask_personal_data(record.getMessage()),
        }
        if (request_id := _request_id.get()) is not None:
            entry["request_id"] = request_id
        if (user_id := _user_id.get()) is not None:
            entry["user_id"] = user_id
        if record.exc_info:
            entry["exception"] = mask_personal_data(self.formatException(record.exc_info))
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        return json.dumps(entry, ensure_ascii=False)
