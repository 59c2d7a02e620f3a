"""An editor of one province chooses among their own site's pages and their agency's documents,
plus the national shared ones: never another province's drafts, private pages or files."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Collection, Page

from portal.core.editorial import agency_collection, editorial_names
from portal.news.models import NewsPage
from portal.procedures.factories import ProcedurePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def provinces(make_agency_site):
    return make_agency_site("hanoi.localhost", "Hà Nội"), make_agency_site(
        "danang.localhost", "Đà Nẵng"
    )


@pytest.fixture
def hanoi_editor(client, provinces):
    hanoi, _danang = provinces
    user = get_user_model().objects.create_user("bien-tap-ha-noi", password="mat-khau-dai-1")
    user.groups.add(Group.objects.get(name=editorial_names(hanoi)[0]))
    client.force_login(user)
    return client


def draft(parent, title):
    page = NewsPage(title=title, lead="Bản nháp, chưa đăng.", live=False)
    parent.add_child(instance=page)
    page.save_revision()
    return page


def chooser_text(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.json()["html"]


def test_the_page_chooser_shows_a_provincial_editor_no_other_provinces_pages(
    hanoi_editor, provinces
):
    hanoi, danang = provinces
    draft(hanoi.root_page, "Dự thảo tin của Hà Nội")
    draft(danang.root_page, "Dự thảo tin của Đà Nẵng")
    shared = ProcedurePageFactory(name="Cấp giấy phép môi trường")

    root = chooser_text(hanoi_editor, reverse("wagtailadmin_choose_page"))
    assert hanoi.root_page.title in root
    assert danang.root_page.title not in root
    own = reverse("wagtailadmin_choose_page_child", args=[hanoi.root_page.pk])
    assert "Dự thảo tin của Hà Nội" in chooser_text(hanoi_editor, own)
    theirs = reverse("wagtailadmin_choose_page_child", args=[danang.root_page.pk])
    assert "Dự thảo tin của Đà Nẵng" not in chooser_text(hanoi_editor, theirs)
    catalogue = reverse("wagtailadmin_choose_page_child", args=[shared.get_parent().pk])
    assert "Cấp giấy phép môi trường" in chooser_text(hanoi_editor, catalogue)
    assert Page.objects.filter(title="Dự thảo tin của Đà Nẵng").exists()


def test_the_document_chooser_shows_the_agencys_and_the_national_documents(hanoi_editor, provinces):
    hanoi, danang = provinces
    Document = get_document_model()
    for title, collection in (
        ("Mẫu đơn quốc gia", Collection.get_first_root_node()),
        ("Biểu mẫu của Hà Nội", agency_collection(hanoi)),
        ("Biểu mẫu của Đà Nẵng", agency_collection(danang)),
    ):
        Document.objects.create(
            title=title, collection=collection, file=ContentFile(b"%PDF-1.4", name="mau.pdf")
        )

    listed = chooser_text(hanoi_editor, reverse("wagtaildocs_chooser:choose"))

    assert "Mẫu đơn quốc gia" in listed and "Biểu mẫu của Hà Nội" in listed
    assert "Biểu mẫu của Đà Nẵng" not in listed


@pytest.mark.parametrize("action", ["delete", "move", "publish", "unpublish"])
def test_a_page_bulk_action_never_names_another_provinces_pages(hanoi_editor, provinces, action):
    hanoi, danang = provinces
    theirs = draft(danang.root_page, "Dự thảo tin của Đà Nẵng")
    own = draft(hanoi.root_page, "Dự thảo tin của Hà Nội")
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])

    response = hanoi_editor.get(url, {"id": [theirs.pk, own.pk]})

    assert response.status_code == 200
    assert "Dự thảo tin của Đà Nẵng" not in response.content.decode()


def test_the_image_and_document_index_pages_show_no_other_agencys_files(
    hanoi_editor, provinces, django_user_model
):
    """Wagtail's own listings (/admin/images/, /admin/documents/), not only the choosers."""
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    hanoi, danang = provinces
    hanoi_user = django_user_model.objects.get(username="bien-tap-ha-noi")
    danang_user = django_user_model.objects.create_user("bien-tap-da-nang", password="x-y-z-1")
    danang_user.groups.add(Group.objects.get(name=editorial_names(danang)[0]))
    Image, Document = get_image_model(), get_document_model()
    for owner, site, name in ((hanoi_user, hanoi, "Hà Nội"), (danang_user, danang, "Đà Nẵng")):
        Image.objects.create(
            title=f"Ảnh của {name}",
            collection=agency_collection(site),
            uploaded_by_user=owner,
            file=get_test_image_file(),
        )
        Document.objects.create(
            title=f"Biểu mẫu của {name}",
            collection=agency_collection(site),
            uploaded_by_user=owner,
            file=ContentFile(b"%PDF-1.4", name="mau.pdf"),
        )

    images = hanoi_editor.get(reverse("wagtailimages:index"))
    documents = hanoi_editor.get(reverse("wagtaildocs:index"))
    searched = hanoi_editor.get(reverse("wagtaildocs:index"), {"q": "Biểu mẫu"})

    assert images.status_code == documents.status_code == searched.status_code == 200
    images, documents = images.content.decode(), documents.content.decode()
    assert "Ảnh của Hà Nội" in images and "Biểu mẫu của Hà Nội" in documents
    for text in (images, documents, searched.content.decode()):
        assert "Đà Nẵng" not in text
