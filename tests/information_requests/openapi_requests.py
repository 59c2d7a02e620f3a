"""Requests covering every information-request operation, for the served-schema test
(tests/api)."""

from portal.information_requests import handling

from .conftest import REQUEST


def information_request_responses(client):
    """(response, method) pairs: successes and each documented error of every operation."""
    json = {"content_type": "application/json"}
    made = client.post("/api/information-requests/", REQUEST, **json)
    code = made.json()["code"]
    answered = handling.submit({**REQUEST, "subject": "Kế hoạch sử dụng đất"})
    handling.answer(answered, "Kế hoạch đăng tại mục Quy hoạch.", publish=True)
    handling.refuse(handling.submit(REQUEST), "art28-1c")
    return [
        (made, "post"),
        (client.post("/api/information-requests/", {**REQUEST, "consent": False}, **json), "post"),
        (client.post("/api/information-requests/", REQUEST), "post"),
        (client.get(f"/api/information-requests/{code}/"), "get"),
        (client.get("/api/information-requests/YC-0000-0000/"), "get"),
        (client.get("/api/information-requests/khong-phai-ma/"), "get"),
        (client.get("/api/information-requests/"), "get"),
        (client.get("/api/information-requests/", {"page": 9}), "get"),
    ]
