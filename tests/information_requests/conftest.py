import pytest

from django.core.cache import cache

from tests.core.test_email import mail_through, smtp_server  # noqa: F401  (fixtures)

REQUEST = {
    "name": "Phạm Thị Hoa",
    "address": "Số 5 ngõ 12 phố Kim Mã, phường Giảng Võ",
    "province": "Hà Nội",
    "identity_number": "001190054321",
    "phone": "0987123456",
    "email": "pham.thi.hoa@example.vn",
    "subject": "Quyết định giao đất cho dự án khu đô thị Tây Hồ Tây",
    "text": "Đề nghị cung cấp bản sao quyết định giao đất và bản đồ ranh giới dự án.",
    "delivery": "email",
    "purpose": "Gia đình tôi có đất nằm gần ranh giới dự án.",
    "consent": True,
}
PRIVATE = ("name", "address", "identity_number", "phone", "email", "purpose")


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def post(client, body, **extra):
    return client.post("/api/information-requests/", body, content_type="application/json", **extra)
