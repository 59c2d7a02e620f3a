"""A transport node that records the requests the Elasticsearch engine sends and answers with
canned responses, so request bodies are tested without a server."""

import json
from typing import NamedTuple
from urllib.parse import parse_qsl

from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport._node._base import NodeApiResponse


class Call(NamedTuple):
    method: str
    path: str
    params: dict
    body: object


class RecordingNode(BaseNode):
    """Records every request; answers from `RecordingNode.answers` (method, path prefix), where
    None means 404 and an exception is raised."""

    calls: list[Call] = []
    answers: dict = {}

    def perform_request(self, method, target, body=None, headers=None, request_timeout=None):
        path, _, query = target.partition("?")
        text = body.decode() if body else ""
        if text and "\n" in text.strip():
            payload = [json.loads(line) for line in text.strip().splitlines()]
        else:
            payload = json.loads(text) if text else None
        RecordingNode.calls.append(Call(method, path, dict(parse_qsl(query)), payload))
        answer = {"acknowledged": True}
        for (m, prefix), canned in RecordingNode.answers.items():
            if m == method and path.startswith(prefix):
                answer = canned
        if isinstance(answer, Exception):  # a node that fails (times out, refuses)
            raise answer
        if path.endswith("/_bulk"):
            answer = {"errors": False, "items": []}
        status = 404 if answer is None else 200
        meta = ApiResponseMeta(
            status=status,
            http_version="1.1",
            headers=HttpHeaders(
                {"x-elastic-product": "Elasticsearch", "content-type": "application/json"}
            ),
            duration=0.0,
            node=self.config,
        )
        return NodeApiResponse(meta, json.dumps(answer or {}).encode())


def calls(method, suffix):
    """The bodies of the recorded requests with this method whose path contains `suffix`."""
    return [call.body for call in requests(method, suffix)]


def requests(method, suffix):
    return [call for call in RecordingNode.calls if call.method == method and suffix in call.path]


def order():
    """(method, path) of every recorded request, in order."""
    return [(call.method, call.path) for call in RecordingNode.calls]


EMPTY_SEARCH = {
    "hits": {"total": {"value": 0}, "hits": []},
    "aggregations": {},
    "suggest": {"words": []},
}
