"""Documents are kept outside the publicly served media root and served by the application: a
document of a login-restricted collection is at no guessable /media/ path and is refused to
visitors who are not signed in; images and their renditions stay public media."""

from pathlib import Path

import pytest

from django.conf import settings
from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@pytest.fixture
def restricted_collection(home):
    collection = Collection.get_first_root_node().add_child(name="Nội bộ")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def upload(name, collection=None):
    document = get_document_model()(
        title=name, **({"collection": collection} if collection else {})
    )
    document.file.save(name, ContentFile(PDF))
    return document


def test_a_restricted_document_is_outside_the_public_media_root(restricted_collection):
    document = upload("bao-cao-noi-bo.pdf", restricted_collection)

    stored = Path(document.file.path).resolve()
    assert stored.is_file()
    assert Path(settings.MEDIA_ROOT).resolve() not in stored.parents
    assert not list(Path(settings.MEDIA_ROOT).rglob("bao-cao-noi-bo*.pdf"))


def test_a_restricted_document_is_served_to_signed_in_users_only(
    client, admin_client, restricted_collection
):
    document = upload("bao-cao-noi-bo.pdf", restricted_collection)

    refused = client.get(document.url)
    assert refused.status_code == 302 and "login" in refused["Location"]
    served = admin_client.get(document.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == PDF


def test_a_public_document_is_served_by_the_application(client, home):
    document = upload("mau-don.pdf")

    response = client.get(document.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_behind_nginx_the_proxy_sends_the_file_from_its_internal_location(client, home, settings):
    from wagtail.utils import sendfile

    settings.DOCUMENTS_ACCEL_URL = "/_documents/"
    settings.SENDFILE_BACKEND = "portal.core.storage"
    sendfile._get_sendfile.clear()
    try:
        document = upload("mau-don.pdf")
        response = client.get(document.url)
    finally:
        sendfile._get_sendfile.clear()

    assert response.status_code == 200
    name = Path(document.file.name).name
    assert response["X-Accel-Redirect"] == f"/_documents/{name}"
    assert response.content == b""


def test_images_stay_public_media(home):
    from wagtail.images import get_image_model

    image = get_image_model().objects.create(title="Ảnh", file=get_test_image_file())
    rendition = image.get_rendition("width-100")

    assert Path(settings.MEDIA_ROOT).resolve() in Path(image.file.path).resolve().parents
    assert rendition.url.startswith(settings.MEDIA_URL)
