"""Demo engagement content: a few answered questions (published pages citing the demo legal
documents), questions still being handled, and a handful of reports in every status.

Only what is missing is created (matched by title or description), so running it again is
fast and keeps staff's changes. Demo contacts use example.vn addresses.
"""

import datetime

from django.utils import timezone

from portal.core.models import Agency, Field
from portal.core.publishing import publish_revision
from portal.legal.models import LegalDocumentPage

from .. import codes, handling
from ..choices import QuestionStatus
from ..models import AnswerPage, Contact, Question, Report, StatusChange
from ..structure import question_section
from . import exchange

ANSWERED = [
    {
        "title": "Thời hạn cấp Giấy chứng nhận quyền sử dụng đất lần đầu",
        "text": "Gia đình tôi có thửa đất ở sử dụng ổn định từ năm 1995, không có tranh chấp. "
        "Xin hỏi thời hạn giải quyết thủ tục cấp Giấy chứng nhận lần đầu là bao lâu?",
        "answer": "Theo Luật Đất đai năm 2024 và các văn bản hướng dẫn, thời gian thực hiện "
        "thủ tục đăng ký đất đai, cấp Giấy chứng nhận lần đầu không quá 20 ngày làm việc kể "
        "từ ngày nhận đủ hồ sơ hợp lệ; ở xã miền núi, hải đảo được tăng thêm 10 ngày.",
        "field": "Đất đai",
        "province": "Nghệ An",
        "cites": ["31/2024/QH15"],
        "days": 60,
    },
    {
        "title": "Cơ sở sản xuất nhỏ có phải lập báo cáo đánh giá tác động môi trường không?",
        "text": "Xưởng mộc của tôi có 12 lao động. Xin hỏi có phải lập báo cáo đánh giá tác "
        "động môi trường hay chỉ cần đăng ký môi trường?",
        "answer": "Cơ sở sản xuất quy mô nhỏ, không thuộc danh mục dự án phải đánh giá tác "
        "động môi trường, thực hiện đăng ký môi trường với Ủy ban nhân dân cấp xã theo Luật "
        "Bảo vệ môi trường và Thông tư 02/2022/TT-BTNMT.",
        "field": "Môi trường",
        "province": "Bắc Ninh",
        "cites": ["02/2022/TT-BTNMT"],
        "days": 35,
    },
    {
        "title": "Xin giấy phép khai thác nước dưới đất cho hộ gia đình",
        "text": "Hộ gia đình tôi khoan giếng lấy nước sinh hoạt thì có phải xin giấy phép "
        "khai thác nước dưới đất không?",
        "answer": "Khai thác nước dưới đất cho sinh hoạt của hộ gia đình với quy mô nhỏ không "
        "phải xin giấy phép nhưng phải đăng ký khai thác theo quy định của pháp luật về tài "
        "nguyên nước.",
        "field": "Tài nguyên nước",
        "province": "Cần Thơ",
        "cites": [],
        "days": 20,
    },
]

OPEN_QUESTIONS = [
    ("Hồ sơ chuyển mục đích sử dụng đất nông nghiệp sang đất ở", QuestionStatus.RECEIVED),
    ("Phí thẩm định báo cáo đánh giá tác động môi trường năm 2026", QuestionStatus.ASSIGNED),
]

REPORTS = [
    ("water", "Đồng Nai", "Nước thải màu đen xả ra suối Cái vào ban đêm.", []),
    ("air", "Hà Nội", "Khói bụi từ lò đốt rác gây ô nhiễm khu dân cư.", ["verified"]),
    ("sand", "An Giang", "Tàu hút cát trái phép trên sông Hậu lúc rạng sáng.",
     ["verified", "transferred"]),
    ("noise", "Thành phố Hồ Chí Minh", "Tiếng ồn từ công trường xây dựng sau 22 giờ.",
     ["verified", "transferred", "handling"]),
    ("soil", "Thái Nguyên", "Chất thải rắn đổ trộm trên đất nông nghiệp.",
     ["verified", "transferred", "handling", "resolved"]),
    ("regulation", "Huế", "Đề nghị đơn giản hóa hồ sơ đăng ký biến động đất đai.", ["rejected"]),
]  # fmt: skip

# Where some demo reports happened, for the map of resolved reports.
PLACES = {"Thái Nguyên": (21.594, 105.848), "Đồng Nai": (10.957, 106.843)}

NOTES = {
    "verified": "Đoàn kiểm tra đã xác minh tại hiện trường.",
    "transferred": "",
    "handling": "Cơ quan có thẩm quyền đang xử lý theo quy định.",
    "resolved": "Đã xử phạt vi phạm hành chính và yêu cầu khắc phục hậu quả.",
    "rejected": "Nội dung là kiến nghị chính sách, đã chuyển bộ phận tổng hợp.",
}


def _contact(index):
    return Contact.objects.create(
        name=f"Người dân {index}",
        email=f"nguoi-dan-{index}@example.vn",
        consented_at=timezone.now(),
    )


def _answered(item, index, unit, exchange=None):
    asked = timezone.now() - datetime.timedelta(days=item["days"])
    answered = asked + datetime.timedelta(days=9 + index * 3)
    question = Question.objects.create(
        code=codes.unique_code(Question, codes.QUESTION),
        created_at=asked,
        contact=_contact(index),
        province=item["province"],
        field=Field.objects.filter(name=item["field"]).first(),
        title=item["title"],
        text=item["text"],
        public_text=item["text"],
        unit=unit,
        answer=item["answer"],
        exchange=exchange,
    )
    page = AnswerPage(
        code=question.code,
        slug=question.code.lower(),
        title=question.title,
        question=question.text,
        answer=f"<p>{item['answer']}</p>",
        field=question.field,
        unit=unit.name if unit else "",
        asked_on=asked.date(),
        answered_on=answered.date(),
        exchange=exchange,
    )
    question_section().add_child(instance=page)
    page.cited_documents.set(LegalDocumentPage.objects.filter(number__in=item["cites"]))
    publish_revision(page, created=True)
    question.answer_page = page
    question.status = QuestionStatus.ANSWERED
    question.answered_at = answered
    question.save()
    question.status_changes.all().delete()  # the publish signal's step, dated now
    for status, when in (
        (QuestionStatus.RECEIVED, asked),
        (QuestionStatus.ASSIGNED, asked + datetime.timedelta(days=2)),
        (QuestionStatus.ANSWERED, answered),
    ):
        StatusChange.objects.create(question=question, status=status, created_at=when)


def load():
    question_section()
    unit = Agency.objects.order_by("pk").first()
    created = {"questions": 0, "reports": 0}
    for index, item in enumerate(ANSWERED, start=1):
        if not Question.objects.filter(title=item["title"]).exists():
            _answered(item, index, unit)
            created["questions"] += 1
    for index, (title, status) in enumerate(OPEN_QUESTIONS, start=len(ANSWERED) + 1):
        if Question.objects.filter(title=title).exists():
            continue
        question = Question.objects.create(
            code=codes.unique_code(Question, codes.QUESTION),
            contact=_contact(index),
            province="Hà Nội",
            title=title,
            text=title + "?",
            public_text=title + "?",
            status=status,
            unit=unit if status == QuestionStatus.ASSIGNED else None,
        )
        StatusChange.objects.create(question=question, status=QuestionStatus.RECEIVED)
        if status == QuestionStatus.ASSIGNED:
            StatusChange.objects.create(question=question, status=status, note=unit.name)
        created["questions"] += 1
    for index, (category, province, description, steps) in enumerate(REPORTS, start=10):
        if Report.objects.filter(description=description).exists():
            continue
        report = Report.objects.create(
            code=codes.unique_code(Report, codes.REPORT),
            created_at=timezone.now() - datetime.timedelta(days=4 * len(steps) + 2),
            contact=_contact(index),
            category=category,
            province=province,
            description=description,
            latitude=PLACES.get(province, (None, None))[0],
            longitude=PLACES.get(province, (None, None))[1],
        )
        report.deadline = report.created_at.date() + datetime.timedelta(days=15)
        report.save(update_fields=["deadline"])
        StatusChange.objects.create(report=report, status="received", created_at=report.created_at)
        for status in steps:
            agency = unit if status == "transferred" else None
            handling.change_status(report, status, note=NOTES[status], agency=agency)
        created["reports"] += 1
    home = question_section().get_parent().specific
    created["questions"] += exchange.load(home, unit, _answered, _contact)
    return f"{created['questions']} questions, {created['reports']} reports"
