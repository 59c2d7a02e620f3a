"""Signed, expiring preview tokens: an external front end fetches a draft through the API.

An editor asks for a token (the "Xem trước headless" button on a page in the admin, or
`manage.py preview_token PAGE_ID`); the token names the page's latest revision and is signed
with SECRET_KEY. `GET /api/preview/?token=...` returns that revision in the same JSON shape as
`/api/v2/pages/<id>/`. Tokens expire after settings.HEADLESS_PREVIEW_MAX_AGE seconds and are
never cached.
"""

from ninja import Router, Status

from django.conf import settings
from django.core import signing
from django.http import Http404

from wagtail.models import Revision

from .errors import ErrorOut
from .v2 import PublicPagesAPIViewSet, api_router

SALT = "portal.api.preview"
PREVIEW_URL = "/api/preview/"

router = Router(tags=["preview"])


class PreviewError(Exception):
    def __init__(self, message):
        self.message = message
        super().__init__(message)


def make_token(page):
    """A token for the page's latest revision (saved drafts included)."""
    revision = page.get_latest_revision()
    if revision is None:
        revision = page.save_revision()
    return signing.TimestampSigner(salt=SALT).sign_object(
        {"page": page.pk, "revision": revision.pk}
    )


def read_token(token):
    """The revision a token names; PreviewError if it was tampered with or has expired."""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        data = signer.unsign_object(token, max_age=settings.HEADLESS_PREVIEW_MAX_AGE)
    except signing.SignatureExpired as exc:
        raise PreviewError(f"preview token expired: {exc}; ask for a new preview link") from exc
    except signing.BadSignature as exc:
        raise PreviewError("preview token is invalid (bad signature)") from exc
    revision = Revision.page_revisions.filter(
        pk=data.get("revision"), object_id=str(data.get("page"))
    ).first()
    if revision is None:
        raise Http404("the previewed revision no longer exists")
    return revision


class RevisionPreviewAPIViewSet(PublicPagesAPIViewSet):
    """Serialises the token's revision exactly as the pages endpoint serialises live pages."""

    def get_object(self):
        return self.request.preview_revision.as_object()


_detail_view = RevisionPreviewAPIViewSet.as_view({"get": "detail_view"})


@router.get(
    "/",
    response={200: dict, 403: ErrorOut, 404: ErrorOut},
    summary="A draft revision for a headless preview",
)
def preview(request, token: str):
    try:
        revision = read_token(token)
    except PreviewError as exc:
        return Status(403, {"detail": exc.message})
    request.preview_revision = revision
    request.wagtailapi_router = api_router
    response = _detail_view(request, pk=int(revision.object_id)).render()
    response["Cache-Control"] = "private, no-store"
    return response
