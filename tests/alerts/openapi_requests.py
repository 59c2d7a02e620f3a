"""Requests covering every alerts operation, for the served-schema test (tests/api)."""

from portal.legal.models import LegalDocumentPage


def alerts_responses(client):
    """(response, method) pairs: a subscription accepted, and one refused field by field."""
    json = {"content_type": "application/json"}
    document = LegalDocumentPage.objects.live().first()
    accepted = client.post(
        "/api/subscriptions/",
        {"email": "doi-tac@example.vn", "kind": "page", "page": document.pk},
        **json,
    )
    refused = client.post("/api/subscriptions/", {"email": "sai", "kind": "khong-co"}, **json)
    assert (accepted.status_code, refused.status_code) == (202, 400)
    return [(accepted, "post"), (refused, "post")]
