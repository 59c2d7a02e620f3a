"""Demo drafts for comment: one open, with published comments on two of its articles, and one
closed, with its summary of how each comment was taken into account and its issued document.

Only what is missing is created (matched by slug), so running it again keeps editors' changes.
Demo commenters use example.vn addresses."""

import datetime

from django.utils import timezone

from portal.core.models import Agency, Field
from portal.core.publishing import publish_revision
from portal.engagement import codes
from portal.engagement.models import CommentStatus
from portal.legal.models import LegalDocumentPage

from ..commenting import PREFIX
from ..models import DraftArticle, DraftComment, DraftPage, Reception
from ..structure import draft_section

ARTICLES = [
    ("1", "Phạm vi điều chỉnh", "Thông tư này quy định kỹ thuật quan trắc môi trường định kỳ."),
    ("2", "Đối tượng áp dụng", "Thông tư này áp dụng đối với cơ quan, tổ chức quan trắc."),
    ("3", "Hiệu lực thi hành", "Thông tư này có hiệu lực sau 45 ngày kể từ ngày ký."),
]
DRAFTS = [
    {
        "slug": "du-thao-thong-tu-quan-trac-moi-truong",
        "title": "Dự thảo Thông tư quy định kỹ thuật quan trắc môi trường",
        "intended_number": "…/2026/TT-BNNMT",
        "days": (-10, 50),
        "comments": [
            ("1", "Đề nghị làm rõ tần suất quan trắc đối với cơ sở quy mô nhỏ.", "", ""),
            ("2", "Đề nghị bổ sung tổ chức quan trắc tư nhân vào đối tượng áp dụng.", "", ""),
        ],
    },
    {
        "slug": "du-thao-thong-tu-bao-ve-moi-truong",
        "title": "Dự thảo Thông tư hướng dẫn Luật Bảo vệ môi trường",
        "intended_number": "…/2022/TT-BTNMT",
        "days": (-120, -60),
        "issued": "02/2022/TT-BTNMT",
        "summary": "<p>Nhận được 2 ý kiến: tiếp thu 1 ý kiến, giải trình 1 ý kiến.</p>",
        "comments": [
            ("1", "Đề nghị nêu rõ các loại báo cáo được hướng dẫn.", Reception.ACCEPTED,
             "Đã bổ sung vào Điều 1 của dự thảo."),
            ("3", "Đề nghị hiệu lực sau 60 ngày.", Reception.EXPLAINED,
             "Giữ 45 ngày để kịp thi hành Luật; các cơ sở đã được chuẩn bị từ trước."),
        ],
    },
]  # fmt: skip


def load():
    section = draft_section()
    unit = Agency.objects.order_by("pk").first() or Agency.objects.create(
        name="Vụ Pháp chế", slug="vu-phap-che"
    )
    field = Field.objects.filter(name="Môi trường").first()
    created = sum(_draft(section, unit, field, item) for item in DRAFTS)
    return f"{created} dự thảo mới"


def _draft(section, unit, field, item):
    if DraftPage.objects.filter(slug=item["slug"]).exists():
        return 0
    now = timezone.now()
    opens, closes = (now + datetime.timedelta(days=days) for days in item["days"])
    issued = LegalDocumentPage.objects.filter(number=item.get("issued", "")).first()
    page = DraftPage(
        title=item["title"],
        slug=item["slug"],
        doc_type="Thông tư",
        intended_number=item["intended_number"],
        drafting_unit=unit,
        opens_at=opens,
        closes_at=closes,
        summary=item.get("summary", ""),
        issued_document=issued,
    )
    page.articles = [
        DraftArticle(number=number, title=title, text=text) for number, title, text in ARTICLES
    ]
    section.add_child(instance=page)
    if field is not None:
        page.fields.set([field])
    publish_revision(page, created=True)
    for index, (number, text, reception, response) in enumerate(item["comments"], start=1):
        DraftComment.objects.create(
            draft=page,
            article=page.articles.get(number=number),
            code=codes.unique_code(DraftComment, PREFIX),
            name=f"Người góp ý {index}",
            email=f"gopy{index}@example.vn",
            consented_at=opens,
            text=text,
            public_text=text,
            status=CommentStatus.PUBLISHED,
            created_at=opens + datetime.timedelta(days=index),
            moderated_at=opens + datetime.timedelta(days=index + 1),
            reception=reception,
            response=response,
        )
    return 1
