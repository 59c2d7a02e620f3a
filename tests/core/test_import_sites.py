"""Import and export per agency site: `--site HOST`, and the `site`/`province` of a line."""

import json

import pytest

from django.core.management import CommandError, call_command

from portal.core.sites import own_pages
from portal.news.models import NewsPage


def news_line(slug, **fields):
    return {
        "kind": "news",
        "slug": slug,
        "title": f"Tin {slug}",
        "lead": "Tóm tắt.",
        "category": "Tin hoạt động",
        "published": "2025-05-01T08:00:00+07:00",
        **fields,
    }


@pytest.fixture
def hanoi(make_agency_site):
    return make_agency_site("hanoi.localhost", "Hà Nội")


@pytest.fixture
def danang(make_agency_site):
    return make_agency_site("danang.localhost", "Đà Nẵng")


def site_slugs(site):
    return set(own_pages(NewsPage.objects.all(), site).values_list("slug", flat=True))


def test_site_option_puts_lines_on_that_site(hanoi, danang, jsonl):
    call_command("import_content", str(jsonl([news_line("le-ra-quan")])), site="hanoi.localhost")
    assert site_slugs(hanoi) == {"le-ra-quan"}
    assert site_slugs(danang) == set()


def test_line_site_and_province_override_the_option(hanoi, danang, jsonl):
    lines = [
        news_line("mot", site="danang.localhost"),
        news_line("hai", province="Đà Nẵng"),
        news_line("ba"),
    ]
    call_command("import_content", str(jsonl(lines)), site="hanoi.localhost")
    assert site_slugs(danang) == {"mot", "hai"}
    assert site_slugs(hanoi) == {"ba"}


def test_same_slug_on_two_sites_is_two_items(hanoi, danang, jsonl):
    path = jsonl([news_line("trung-ten", site="hanoi.localhost")])
    call_command("import_content", str(path))
    call_command("import_content", str(jsonl([news_line("trung-ten", site="danang.localhost")])))
    assert site_slugs(hanoi) == {"trung-ten"} and site_slugs(danang) == {"trung-ten"}
    assert NewsPage.objects.filter(slug="trung-ten").count() == 2


def test_without_site_lines_go_to_the_national_site(hanoi, jsonl, home):
    from portal.core.sites import national_site

    call_command("import_content", str(jsonl([news_line("quoc-gia")])))
    assert site_slugs(national_site()) == {"quoc-gia"}
    assert site_slugs(hanoi) == set()


def test_unknown_site_option_is_an_error_and_writes_nothing(hanoi, jsonl):
    path = jsonl([news_line("khong-duoc")])
    with pytest.raises(CommandError, match="no site with hostname 'hue.localhost'"):
        call_command("import_content", str(path), site="hue.localhost")
    assert not NewsPage.objects.exists()


def test_unknown_line_site_or_province_names_the_line_and_field(hanoi, jsonl, capsys):
    path = jsonl([news_line("a", site="hue.localhost"), news_line("b", province="Huế")])
    with pytest.raises(SystemExit):
        call_command("import_content", str(path))
    errors = capsys.readouterr().err
    assert f"{path}:1: site: no site with hostname 'hue.localhost'" in errors
    assert f"{path}:2: province: no site for province 'Huế'" in errors
    assert not NewsPage.objects.exists()


def test_export_per_site_writes_that_sites_items_with_their_site(hanoi, danang, jsonl, tmp_path):
    lines = [news_line("ha-noi", site="hanoi.localhost"), news_line("da-nang", province="Đà Nẵng")]
    call_command("import_content", str(jsonl(lines)))
    output = tmp_path / "hanoi.jsonl"
    call_command("export_content", kinds=["news"], output=str(output), site="hanoi.localhost")
    exported = [json.loads(line) for line in output.read_text().splitlines()]
    assert [(line["slug"], line["site"]) for line in exported] == [("ha-noi", "hanoi.localhost")]


def test_export_of_every_site_round_trips_to_the_same_sites(hanoi, danang, jsonl, tmp_path):
    lines = [news_line("ha-noi", site="hanoi.localhost"), news_line("da-nang", province="Đà Nẵng")]
    call_command("import_content", str(jsonl(lines)))
    output = tmp_path / "all.jsonl"
    call_command("export_content", kinds=["news"], output=str(output))
    NewsPage.objects.all().delete()
    call_command("import_content", str(output))
    assert site_slugs(hanoi) == {"ha-noi"} and site_slugs(danang) == {"da-nang"}


def test_export_to_unknown_site_is_an_error(hanoi, tmp_path):
    with pytest.raises(CommandError, match="--site: no site with hostname"):
        call_command("export_content", output=str(tmp_path / "x.jsonl"), site="hue.localhost")
    assert not (tmp_path / "x.jsonl").exists()
