import pytest

pytestmark = pytest.mark.django_db


def test_sitemap_lists_pages_in_both_languages(client, english_home, published):
    published("Giới thiệu")
    published("About us", parent=english_home, slug="about-us")

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    body = response.content.decode()
    assert "/gioi-thieu/</loc>" in body
    assert "/en/about-us/</loc>" in body
    assert "<lastmod>" in body


def test_robots_txt_points_to_the_sitemap(client, home):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
