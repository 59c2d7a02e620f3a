import io

import pytest
from PIL import Image

from django.contrib.auth.models import Group, User
from django.core.cache import cache

from portal.core.editorial import BOARD, EDITORS, setup_editorial
from portal.core.factories import AgencyFactory, FieldFactory
from portal.engagement.structure import question_section
from tests.core.test_email import mail_through, smtp_server  # noqa: F401  (fixtures)
from tests.search.conftest import committed, engine  # noqa: F401  (fixtures)


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def section(home):
    return question_section()


@pytest.fixture
def field(db):
    return FieldFactory(name="Đất đai")


@pytest.fixture
def unit(db):
    return AgencyFactory(name="Cục Quản lý đất đai")


@pytest.fixture
def staff(home):
    """The editorial set-up: a unit's editor and a board member, with the approval workflow."""
    setup_editorial()
    editor = User.objects.create_user("can-bo", "cb@example.gov.vn", "mat-khau-dai-1")
    editor.groups.add(Group.objects.get(name=EDITORS))
    board = User.objects.create_user("lanh-dao", "ld@example.gov.vn", "mat-khau-dai-2")
    board.groups.add(Group.objects.get(name=BOARD))
    return {"editor": editor, "board": board}


def image_bytes(size=(64, 48), kind="JPEG", color=(30, 120, 200)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, kind)
    return buffer.getvalue()


QUESTION = {
    "name": "Trần Thị Bình",
    "email": "tran.thi.binh@example.vn",
    "phone": "0987654321",
    "province": "Hà Nội",
    "title": "Thời hạn cấp giấy chứng nhận quyền sử dụng đất lần đầu",
    "text": "Xin hỏi thời hạn giải quyết thủ tục cấp giấy chứng nhận lần đầu là bao lâu?",
    "consent": True,
}

REPORT = {
    "category": "water",
    "province": "Đồng Nai",
    "commune": "Phường Trấn Biên",
    "address": "Bờ sông Đồng Nai, phường Tân Mai",
    "description": "Nước thải màu đen xả ra sông vào ban đêm, bốc mùi hôi.",
    "name": "Lê Văn Cường",
    "email": "le.van.cuong@example.vn",
    "consent": True,
}
