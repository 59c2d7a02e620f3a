from wagtail.rich_text import RichText, expand_db_html

from portal.core.sanitise import clean_html

HOSTILE = (
    '<p onclick="steal()">Tin <b onmouseover="x()">chính</b></p>'
    "<script>alert('xss')</script>"
    '<img src="x" onerror="alert(1)">'
    '<p><a href="javascript:alert(1)">bấm</a> <a href="https://monre.gov.vn/">Bộ</a></p>'
    '<iframe src="https://evil.example/"></iframe><style>body{}</style>'
    '<svg onload="alert(1)"><circle /></svg>'
)


def test_clean_html_keeps_text_and_drops_scripts_and_handlers():
    cleaned = clean_html(HOSTILE)
    assert "Tin <b>chính</b>" in cleaned
    assert '<a href="https://monre.gov.vn/">Bộ</a>' in cleaned
    for forbidden in ("<script", "alert", "onclick", "onerror", "onload", "javascript:", "<iframe"):
        assert forbidden not in cleaned


def test_cleaning_twice_changes_nothing():
    once = clean_html(HOSTILE)
    assert clean_html(once) == once


def test_editor_internal_links_survive(make_news):
    target = make_news(slug="dich")
    html = f'<p><a linktype="page" id="{target.pk}">Trang</a></p>'
    assert 'href="/tin-hoat-dong/dich/"' in expand_db_html(clean_html(html))


def test_hostile_body_never_renders_as_script(client, make_news):
    make_news(slug="doc-hai", body=[("paragraph", RichText(HOSTILE))])
    html = client.get("/tin-hoat-dong/doc-hai/").content.decode()
    body = html[html.index('class="news-body"') :]
    assert "Tin <b>chính</b>" in body
    for forbidden in ("<script", "onclick", "onerror", "onload", "javascript:", "alert("):
        assert forbidden not in body
