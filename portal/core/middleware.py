"""Requests no page or endpoint can answer meaningfully, refused before any view runs.

A NUL or other control character in the address (path, query keys or values) is a 400 with a
message: PostgreSQL refuses NUL in text, so without this check such a request reached the
database and failed there as a 500. Tab, line feed and carriage return stay allowed in values.
"""

import re

from django.http import HttpResponseBadRequest, JsonResponse

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MESSAGE = "the address contains a control character (such as NUL)"


def has_control_characters(request):
    if _CONTROL.search(request.path):
        return True
    return any(
        _CONTROL.search(key) or any(_CONTROL.search(value) for value in values)
        for key, values in request.GET.lists()
    )


class RejectControlCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_control_characters(request):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": MESSAGE, "errors": []}, status=400)
            return HttpResponseBadRequest(
                f"Yêu cầu không hợp lệ: địa chỉ có ký tự điều khiển. / Bad request: {MESSAGE}.",
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
