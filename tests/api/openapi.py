"""Check real responses against the OpenAPI document the API serves at /api/schema/."""

import re

from jsonschema import Draft202012Validator


class OpenAPIDocument:
    def __init__(self, document):
        self.document = document
        self.exercised = set()
        self.undocumented = set()  # operations whose responses declare no body at all

    def operations(self):
        return {(path, method) for path, ops in self.document["paths"].items() for method in ops}

    def _operation(self, request_path, method):
        # A parameter may hold slashes (legal numbers), so the most literal template wins:
        # `/procedures/{code}/implementations/` before `/procedures/{code}/`.
        paths = self.document["paths"].items()
        by_literal_length = sorted(paths, key=lambda item: -len(re.sub(r"\{[^}]+\}", "", item[0])))
        for template, operations in by_literal_length:
            pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+(?:/[^/]+)*?", template) + "$"
            if re.match(pattern, request_path) and method in operations:
                return template, operations[method]
        raise AssertionError(f"{method.upper()} {request_path} is not in the served schema")

    def validate(self, response, method="get"):
        """Assert the response's status is documented for its path and its body fits."""
        request_path = response.wsgi_request.path
        template, operation = self._operation(request_path, method)
        self.exercised.add((template, method))
        status = str(response.status_code)
        documented = operation["responses"]
        if not any("content" in documented_response for documented_response in documented.values()):
            self.undocumented.add(template)
            return
        assert status in documented, f"{request_path}: status {status} is not documented"
        schema = documented[status]["content"]["application/json"]["schema"]
        validator = Draft202012Validator({**schema, "components": self.document["components"]})
        errors = sorted(validator.iter_errors(response.json()), key=lambda error: error.path)
        assert not errors, f"{request_path} ({status}): " + "; ".join(
            f"{'/'.join(map(str, error.path))}: {error.message}" for error in errors[:5]
        )
