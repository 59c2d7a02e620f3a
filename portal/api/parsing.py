"""Reading JSON request bodies: what Python's json module accepts but the rest of the stack
cannot take is refused here, as a client error. A lone surrogate (`"\\ud800"`) parses into a
string that cannot be encoded (to the database, to a mail), and a document nested thousands of
levels deep exhausts the parser's recursion."""

import json

from ninja.parser import Parser


class InvalidJSON(ValueError):
    pass


def _check_text(value):
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise InvalidJSON("a string holds a lone surrogate (\\ud800-\\udfff)") from None
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_text(key)
            _check_text(item)
    elif isinstance(value, list):
        for item in value:
            _check_text(item)


def load_json(body):
    """The parsed body; InvalidJSON (a ValueError) for anything but well-formed JSON whose
    strings are all valid Unicode text."""
    try:
        data = json.loads(body)
    except RecursionError:
        raise InvalidJSON("nested too deeply") from None
    except ValueError as error:
        raise InvalidJSON(str(error)) from None
    _check_text(data)
    return data


class StrictJSONParser(Parser):
    """Ninja's parser for every JSON body under /api/ (a failure is Ninja's 400)."""

    def parse_body(self, request):
        return load_json(request.body)
