"""The admin's sign-in page is wholly in Vietnamese for Vietnamese users."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_admin_sign_in_page_speaks_vietnamese(client):
    html = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()

    assert "<h1>Đăng nhập trang quản trị</h1>" in html
    placeholders = re.findall(r'placeholder="([^"]*)"', html)
    assert "Nhập tên đăng nhập của bạn" in [p.replace("Tên", "tên") for p in placeholders]
    assert "Sign in" not in html and "Forgotten password?" not in html
