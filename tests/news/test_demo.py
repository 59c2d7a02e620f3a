from django.core.management import call_command

from wagtail.models import Revision

from portal.core.editorial import WORKFLOW_NAME
from portal.news.models import NewsIndexPage, NewsPage


def test_demo_loads_illustrated_news_once(db, client):
    call_command("load_demo")

    vietnamese = NewsPage.objects.live().filter(locale__language_code="vi")
    english = NewsPage.objects.live().filter(locale__language_code="en")
    assert vietnamese.count() >= 30
    assert english.count() >= 5
    assert set(
        NewsIndexPage.objects.filter(locale__language_code="vi").values_list("title", flat=True)
    ) >= {"Tin hoạt động", "Chỉ đạo điều hành", "Tin địa phương", "Thông cáo báo chí"}
    assert not NewsPage.objects.filter(featured_image__isnull=True).exists()
    assert NewsPage.objects.filter(featured=True).count() >= 4

    video = client.get("/tin-hoat-dong/hoi-nghi-trien-khai-luat-dat-dai-2024/").content.decode()
    assert '<iframe src="https://www.youtube-nocookie.com/embed/ysz5S6PUM-U"' in video
    infographic = client.get(
        "/thong-cao-bao-chi/thong-cao-bao-chi-ket-qua-kiem-ke-dat-dai/"
    ).content.decode()
    assert 'class="news-infographic"' in infographic
    assert "đất nông nghiệp 84,8%" in infographic
    assert NewsPage.objects.first().get_workflow().name == WORKFLOW_NAME

    edited = NewsPage.objects.get(slug="hoi-nghi-trien-khai-luat-dat-dai-2024")
    edited.title = "Tiêu đề do biên tập viên sửa"
    edited.save_revision().publish()
    revisions = Revision.objects.count()

    call_command("load_demo")

    assert NewsPage.objects.count() == vietnamese.count() + english.count()
    assert Revision.objects.count() == revisions
    edited.refresh_from_db()
    assert edited.title == "Tiêu đề do biên tập viên sửa"
