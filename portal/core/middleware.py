"""Requests no page or endpoint can answer meaningfully, refused before any view runs.

A NUL character in the address (path, query keys or values) is a 400 with a message:
PostgreSQL refuses NUL in text, so without this check such a request reached the database and
failed there as a 500. Other control characters are ordinary (if odd) text.
"""

import re

from django.http import HttpResponseBadRequest, JsonResponse

_NUL = re.compile(r"\x00")
MESSAGE = "the address contains a NUL character"
# The search endpoints' error bodies have `message` (DESIGN §4); the others `detail`.
SEARCH_API_PREFIX = "/api/search/"


def has_nul(request):
    if _NUL.search(request.path):
        return True
    return any(
        _NUL.search(key) or any(_NUL.search(value) for value in values)
        for key, values in request.GET.lists()
    )


class RejectNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_nul(request):
            if request.path.startswith(SEARCH_API_PREFIX):
                return JsonResponse({"message": MESSAGE}, status=400)
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": MESSAGE, "errors": []}, status=400)
            return HttpResponseBadRequest(
                f"Yêu cầu không hợp lệ: địa chỉ có ký tự NUL. / Bad request: {MESSAGE}.",
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
