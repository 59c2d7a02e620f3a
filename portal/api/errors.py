"""JSON error bodies for the Ninja API: `{"detail": "...", "errors": [{"field", "message"}]}`.

Invalid parameters are a 400 (not Ninja's default 422) naming each parameter and its problem;
a missing object is a 404 saying what was not found.
"""

from ninja.errors import HttpError, ValidationError

from django.http import Http404, JsonResponse


def _field_name(location):
    # ("query", "page_size") → "page_size"; body errors keep their dotted path.
    parts = [str(part) for part in location if part not in ("query", "path", "body")]
    return ".".join(parts) or "request"


def install(api):
    @api.exception_handler(ValidationError)
    def invalid_parameters(request, exc):
        errors = [
            {"field": _field_name(error.get("loc", ())), "message": error.get("msg", "")}
            for error in exc.errors
        ]
        detail = "; ".join(f"{error['field']}: {error['message']}" for error in errors)
        return api.create_response(request, {"detail": detail, "errors": errors}, status=400)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(request, {"detail": str(exc) or "Not found"}, status=404)

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        return api.create_response(request, {"detail": exc.message}, status=exc.status_code)


def api_not_found(request):
    return JsonResponse({"detail": f"no API endpoint at {request.path}"}, status=404)
