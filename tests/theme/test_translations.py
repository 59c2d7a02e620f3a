"""Interface strings come from Django's translation catalogues (portal/locale): Vietnamese is the
source language, English the translation that `make install` compiles."""

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CATALOGUE = REPO / "portal" / "locale" / "en" / "LC_MESSAGES" / "django.po"


def test_every_interface_string_has_an_english_translation():
    text = CATALOGUE.read_text(encoding="utf-8")
    entries = text.split("\n\n")[1:]
    untranslated = [entry for entry in entries if re.search(r'^msgstr(\[\d\])? ""$', entry, re.M)]
    assert not untranslated, "\n\n".join(untranslated)
    assert "#, fuzzy" not in text


def test_the_catalogues_are_compiled():
    for language in ("vi", "en"):
        compiled = CATALOGUE.parent.parent.parent / language / "LC_MESSAGES" / "django.mo"
        assert compiled.exists(), f"{compiled} is missing: run make install"


def test_no_template_switches_language_by_hand():
    templates = REPO / "themes" / "default" / "templates"
    switches = [
        f"{path.relative_to(REPO)}:{number}"
        for path in templates.rglob("*.html")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"""(LANGUAGE_CODE|lang) == ["']en["']""", line)
    ]
    assert not switches


@pytest.mark.django_db
def test_an_english_page_renders_its_interface_from_the_catalogue(client, english_home):
    english = client.get("/en/").content.decode()
    vietnamese = client.get("/").content.decode()

    # "Bỏ qua, đến nội dung chính" is the source string; the English catalogue translates it.
    assert "Skip to content" in english and "Bỏ qua, đến nội dung chính" not in english
    assert "Bỏ qua, đến nội dung chính" in vietnamese
    assert 'action="/en/search/"' in english and 'action="/tim-kiem/"' in vietnamese
    assert "Latest news" in english and "Tin mới" in vietnamese


@pytest.mark.django_db
def test_english_search_results_count_is_pluralised(client, english_home, settings, tmp_path):
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_INDEX_DIR = tmp_path / "index"

    english = client.get("/en/search/", {"q": "zzzz"}).content.decode()

    assert "0 results" in english
