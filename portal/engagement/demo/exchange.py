"""A demo online exchange, under way: one answer already approved and one question whose
drafted answer waits for the board (approving it shows it on the open page)."""

import datetime

from django.utils import timezone

from portal.core.publishing import publish_revision

from ..models import ExchangePage, Question
from ..structure import question_section

TITLE = "Giao lưu trực tuyến: Bộ trưởng trả lời về thi hành Luật Đất đai năm 2024"
ANSWERED = {
    "title": "Giá đất theo bảng giá mới áp dụng từ khi nào?",
    "text": "Xin hỏi bảng giá đất mới của tỉnh được áp dụng từ thời điểm nào để tính tiền "
    "sử dụng đất khi được cấp Giấy chứng nhận?",
    "answer": "Bảng giá đất do Ủy ban nhân dân cấp tỉnh ban hành và áp dụng từ ngày 01 tháng "
    "01 của năm; tiền sử dụng đất được tính theo bảng giá tại thời điểm cơ quan có thẩm quyền "
    "tiếp nhận hồ sơ hợp lệ.",
    "field": "Đất đai",
    "province": "Đồng Nai",
    "cites": ["31/2024/QH15"],
    "days": 1,
}
WAITING = {
    "title": "Thời hạn giải quyết tranh chấp đất đai tại cấp xã",
    "text": "Hòa giải tranh chấp đất đai tại Ủy ban nhân dân cấp xã kéo dài bao lâu?",
    "answer": "Thời hạn hòa giải tranh chấp đất đai tại cấp xã không quá 30 ngày kể từ ngày "
    "nhận được đơn.",
}


def _exchange(home):
    page = ExchangePage.objects.filter(title=TITLE).first()
    if page is not None:
        return page, False
    now = timezone.now()
    page = ExchangePage(
        title=TITLE,
        slug="giao-luu-truc-tuyen-luat-dat-dai",
        leader="Bộ trưởng Bộ Nông nghiệp và Môi trường",
        starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(days=30),
        topic="Người dân, doanh nghiệp hỏi về cấp Giấy chứng nhận, giá đất, bồi thường và "
        "giải quyết tranh chấp đất đai theo Luật Đất đai năm 2024.",
        guests="Cục trưởng Cục Quản lý đất đai\nVụ trưởng Vụ Pháp chế",
    )
    home.add_child(instance=page)
    publish_revision(page, created=True)
    return page, True


def load(home, unit, answered, contact):
    """`answered(item, index, unit, exchange)` publishes a demo answer (see the package)."""
    from .. import codes

    question_section()
    exchange, created = _exchange(home)
    if not created:
        return 0
    answered(ANSWERED, 90, unit, exchange=exchange)
    Question.objects.create(
        code=codes.unique_code(Question, codes.QUESTION),
        contact=contact(91),
        province="Hà Nội",
        title=WAITING["title"],
        text=WAITING["text"],
        public_text=WAITING["text"],
        unit=unit,
        answer=WAITING["answer"],
        exchange=exchange,
    ).status_changes.create(status="received")
    return 2
