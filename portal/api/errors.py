"""JSON error bodies for the Ninja API: `{"detail": "...", "errors": [{"field", "message"}]}`.

Invalid parameters are a 400 (not Ninja's default 422) naming each parameter and its problem;
a missing object is a 404 saying what was not found.
"""

from ninja import Schema
from ninja.errors import HttpError, ValidationError

from django.http import Http404, JsonResponse


class ErrorOut(Schema):
    detail: str


class FieldErrorOut(Schema):
    field: str
    message: str


class BadRequestOut(ErrorOut):
    errors: list[FieldErrorOut]


# gunicorn refuses a request line over 4094 bytes (limit_request_line) before the portal sees
# it, with its own small HTML page; a front proxy does the same at its own limit.
URI_TOO_LONG = {
    "description": "URI Too Long: the address is longer than the web server reads",
    "content": {"text/html": {"schema": {"type": "string"}}},
}


def document_bad_requests(schema):
    """Add the 400 body to every operation with parameters in an OpenAPI document, and the
    web server's 414 to every operation."""
    schema["components"].setdefault("schemas", {}).update(
        {
            name: model.model_json_schema(ref_template="#/components/schemas/{model}")
            for name, model in (("BadRequestOut", BadRequestOut), ("ErrorOut", ErrorOut))
        }
    )
    schema["components"]["schemas"].update(
        schema["components"]["schemas"]["BadRequestOut"].pop("$defs", {})
    )
    for operations in schema["paths"].values():
        for operation in operations.values():
            responses = operation["responses"]
            responses.setdefault(414, URI_TOO_LONG)
            if operation.get("parameters") and not {400, "400"} & responses.keys():
                responses.setdefault(
                    400,
                    {
                        "description": "Bad Request: a parameter is missing or invalid",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/BadRequestOut"}
                            }
                        },
                    },
                )
    return schema


class BadParameter(HttpError):
    """Raise from an endpoint for a parameter that parsed but makes no sense (unknown value,
    malformed date): a 400 naming the parameter, in the same shape as validation errors."""

    def __init__(self, field, message):
        self.field = field
        super().__init__(400, message)


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

    @api.exception_handler(BadParameter)
    def bad_parameter(request, exc):
        body = {
            "detail": f"{exc.field}: {exc.message}",
            "errors": [{"field": exc.field, "message": exc.message}],
        }
        return api.create_response(request, body, status=400)

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        body = {"detail": exc.message}
        if exc.status_code == 400:
            body["errors"] = []
        return api.create_response(request, body, status=exc.status_code)


def api_not_found(request):
    return JsonResponse({"detail": f"no API endpoint at {request.path}"}, status=404)


def require_slug(model, parameter, slug, what):
    """Refuse a filter value naming no row: `?field=khong-co` is a 400, not an empty page."""
    if not model.objects.filter(slug=slug).exists():
        raise BadParameter(parameter, f"no {what} with slug {slug!r}")
