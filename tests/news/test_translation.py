import re

from wagtail.models import Locale

from portal.news.factories import NewsPageFactory


def switcher(html):
    nav = re.search(r'<nav[^>]*class="language-switcher".*?</nav>', html, re.S).group(0)
    return re.findall(r'href="([^"]+)"', nav)


def test_english_item_is_linked_to_its_vietnamese_counterpart(client, make_news, english_section):
    original = make_news(title="Hội nghị về tài nguyên nước", slug="hoi-nghi-tai-nguyen-nuoc")
    english = make_news(
        parent=english_section,
        title="Conference on water resources",
        slug="water-resources-conference",
        translation_key=original.translation_key,
    )

    assert original.get_translation(Locale.objects.get(language_code="en")).pk == english.pk

    vietnamese_html = client.get("/tin-hoat-dong/hoi-nghi-tai-nguyen-nuoc/").content.decode()
    english_html = client.get("/en/activities/water-resources-conference/").content.decode()

    assert switcher(vietnamese_html) == ["/en/activities/water-resources-conference/"]
    assert switcher(english_html) == ["/tin-hoat-dong/hoi-nghi-tai-nguyen-nuoc/"]
    assert 'hreflang="en" href="/en/activities/water-resources-conference/"' in vietnamese_html


def test_copy_for_translation_links_the_copy(make_news, english_section):
    original = make_news(slug="ban-goc")
    # The English section must be a translation of the Vietnamese one for Wagtail to copy into it.
    copy = original.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    assert copy.translation_key == original.translation_key
    assert copy.locale.language_code == "en"


def test_switcher_goes_to_the_other_home_without_a_counterpart(client, make_news, english_home):
    make_news(slug="chi-tieng-viet")
    html = client.get("/tin-hoat-dong/chi-tieng-viet/").content.decode()
    assert switcher(html) == ["/en/"]


def test_switcher_ignores_an_unpublished_counterpart(client, make_news, english_section):
    original = make_news(slug="co-ban-nhap")
    draft = NewsPageFactory.build(
        slug="draft-translation", live=False, translation_key=original.translation_key
    )
    english_section.add_child(instance=draft)
    html = client.get("/tin-hoat-dong/co-ban-nhap/").content.decode()
    assert switcher(html) == ["/en/"]


def test_english_section_switches_to_vietnamese_home(client, english_section):
    html = client.get("/en/activities/").content.decode()
    assert switcher(html) == ["/"]
