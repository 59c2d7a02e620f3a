"""Requests covering every drafts operation, for the served-schema test (tests/api)."""

from portal.drafts.factories import DraftArticleFactory, DraftIndexPageFactory, DraftPageFactory

from .conftest import close


def drafts_responses(client, home):
    """(response, method) pairs: successes and each documented error of every operation."""
    index = DraftIndexPageFactory(parent=home)
    draft = DraftPageFactory(parent=index)
    DraftArticleFactory(page=draft, number="1")
    draft.save_revision().publish()
    closed = DraftPageFactory(parent=index)
    close(closed)
    comment = {"email": "a@example.vn", "name": "A", "text": "Góp ý cho Điều 1.", "consent": True}
    json = {"content_type": "application/json"}
    return [
        (client.get("/api/drafts/", {"status": "open"}), "get"),
        (client.get("/api/drafts/", {"agency": "khong-co"}), "get"),
        (client.get(f"/api/drafts/{draft.pk}/"), "get"),
        (client.get("/api/drafts/999999/"), "get"),
        (
            client.post(f"/api/drafts/{draft.pk}/comments/", {**comment, "article": "1"}, **json),
            "post",
        ),
        (client.post(f"/api/drafts/{draft.pk}/comments/", {**comment, "text": ""}, **json), "post"),
        (client.post(f"/api/drafts/{closed.pk}/comments/", comment, **json), "post"),
        (client.post("/api/drafts/999999/comments/", comment, **json), "post"),
    ]
