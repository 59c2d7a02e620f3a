"""Demo requests for information, one in every status, one of them late: made-up requesters
with example.vn addresses, on the default site. Only what is missing is created (matched by
subject)."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.models import Site

from .. import handling
from ..choices import Complexity, RefusalGround
from ..models import InformationRequest

REQUESTER = {
    "name": "Nguyễn Văn An",
    "address": "Số 12 phố Hàng Bạc, phường Hoàn Kiếm",
    "province": "Hà Nội",
    "identity_number": "001085012345",
    "email": "nguyen.van.an@example.vn",
    "phone": "0912345678",
    "delivery": "email",
    "purpose": "Tìm hiểu để thực hiện quyền và nghĩa vụ của gia đình.",
}


def _received(subject, text, days_ago, site):
    received_at = timezone.now() - datetime.timedelta(days=days_ago)
    data = {**REQUESTER, "subject": subject, "text": text, "site": site}
    return handling.submit({**data, "received_at": received_at}, channel="web")


def _answered(request):
    attachment = ContentFile(b"Ke hoach su dung dat nam 2026 (ban trich).", name="ke-hoach.txt")
    handling.classify(request, Complexity.SIMPLE)
    handling.answer(
        request,
        "Kế hoạch sử dụng đất năm 2026 được gửi kèm; bản đầy đủ đăng tại mục Quy hoạch.",
        files=[attachment],
        publish=True,
    )


def _extended(request):
    handling.classify(request, Complexity.COMPLEX)
    handling.extend(request, "Cần tập hợp hồ sơ từ ba đơn vị và xin ý kiến Sở Tài chính.")


DEMO = [
    ("Danh sách dự án được giao đất năm 2025", 1, None),
    ("Kết quả quan trắc nước sông Tô Lịch quý III", 6, lambda r: handling.classify(r, "complex")),
    ("Hồ sơ đánh giá tác động môi trường của cụm công nghiệp", 30, _extended),
    ("Kế hoạch sử dụng đất năm 2026 của thành phố", 2, _answered),
    (
        "Biên bản họp nội bộ về giá đất",
        1,
        lambda r: handling.refuse(r, RefusalGround.SECRET, "Tài liệu phục vụ công việc nội bộ."),
    ),
    # Classified as simple twelve days ago and still unanswered: late.
    ("Bảng giá đất áp dụng tại phường Hoàn Kiếm", 12, lambda r: handling.classify(r, "simple")),
]


def load():
    site = Site.objects.filter(is_default_site=True).first()
    made = 0
    for subject, days_ago, handle in DEMO:
        if InformationRequest.objects.filter(subject=subject).exists():
            continue
        text = f"Đề nghị cung cấp: {subject.lower()}."
        request = _received(subject, text, days_ago, site)
        if handle is not None:
            handle(request)
        made += 1
    return f"{made} information requests"
