"""Demo: a special-topic page (chuyên trang) and the minister's page, built from the demo news
(tags "Chuyển đổi số" and "Bộ trưởng") and the demo procedures and documents."""

from portal.core.publishing import publish_revision
from portal.core.site_structure import ensure_home
from portal.core.sites import national_site, own_pages

from ..models import LeaderPage, SpecialTopicPage

TOPIC = {
    "title": "Chuyên trang Chuyển đổi số ngành nông nghiệp và môi trường",
    "slug": "chuyen-trang-chuyen-doi-so",
    "intro": (
        "Tin tức, văn bản và thủ tục hành chính trực tuyến về chuyển đổi số trong quản lý "
        "đất đai, tài nguyên nước và môi trường."
    ),
    "news_tag": "Chuyển đổi số",
}
LEADER = {
    "title": "Trang tin Bộ trưởng",
    "slug": "trang-tin-bo-truong",
    "leader_name": "Bộ trưởng Bộ Nông nghiệp và Môi trường",
    "position": "Bộ trưởng Bộ Nông nghiệp và Môi trường",
    "biography": "Hoạt động, phát biểu và chỉ đạo của Bộ trưởng.",
    "news_tag": "Bộ trưởng",
}


def load():
    from portal.legal.models import LegalDocumentPage
    from portal.procedures.models import ProcedurePage

    home = ensure_home("vi")
    if not SpecialTopicPage.objects.filter(slug=TOPIC["slug"]).exists():
        topic = home.add_child(instance=SpecialTopicPage(show_in_menus=False, **TOPIC))
        # The ministry's topic cites the national catalogue, not a province's local pages.
        national = national_site()
        procedures = own_pages(ProcedurePage.objects.filter(online_level="full"), national)
        topic.procedures.set(procedures[:4])
        topic.documents.set(own_pages(LegalDocumentPage.objects.order_by("-issued"), national)[:3])
        publish_revision(topic, created=True)
    if not LeaderPage.objects.filter(slug=LEADER["slug"]).exists():
        leader = home.add_child(instance=LeaderPage(show_in_menus=False, **LEADER))
        publish_revision(leader, created=True)
    return "chuyên trang và trang tin Bộ trưởng"
