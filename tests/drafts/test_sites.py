"""A draft belongs to its agency's site: listed, served and commented there only, and its
comments (with who wrote them) reach that agency's staff alone."""

from django.contrib.auth.models import Group, User

from portal.core.editorial import editorial_names
from portal.drafts.factories import DraftIndexPageFactory, DraftPageFactory
from portal.drafts.models import DraftComment
from portal.drafts.wagtail_hooks import comments_for

HANOI, DANANG = "hanoi.localhost", "danang.localhost"
COMMENT = {"name": "A", "email": "a@example.vn", "text": "Góp ý cho dự thảo.", "consent": True}


def editor_of(site, username):
    user = User.objects.create_user(username, password="x")
    user.groups.add(*Group.objects.filter(name__in=editorial_names(site)[:2]))
    return user


def test_a_draft_is_served_and_commented_on_its_own_site_only(client, make_agency_site):
    hanoi, danang = make_agency_site(HANOI, "Hà Nội"), make_agency_site(DANANG, "Đà Nẵng")
    draft = DraftPageFactory(parent=DraftIndexPageFactory(parent=hanoi.root_page))
    draft.save_revision().publish()

    def listed(host):
        results = client.get("/api/drafts/", HTTP_HOST=host).json()["results"]
        return [item["id"] for item in results]

    assert listed(HANOI) == [draft.pk] and listed(DANANG) == []
    url = f"/api/drafts/{draft.pk}/comments/"
    json = {"content_type": "application/json"}
    assert client.post(url, COMMENT, HTTP_HOST=DANANG, **json).status_code == 404
    assert client.post(url, COMMENT, HTTP_HOST=HANOI, **json).status_code == 201

    comments = DraftComment.objects.all()
    assert comments_for(editor_of(hanoi, "hanoi-editor"), comments).count() == 1
    assert not comments_for(editor_of(danang, "danang-editor"), comments).exists()
