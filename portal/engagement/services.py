"""The engagement services every site leads to (portal.core.services): ask, the published
answers, report, track a case by its code, and the site's latest online exchange."""

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.core.services import service
from portal.core.sites import request_site
from portal.core.visibility import visible

from .models import ExchangePage, QuestionIndexPage


def _latest(model, request, **filters):
    pages = visible(model.objects.filter(**filters), request_site(request))
    page = pages.order_by("-first_published_at", "-pk").first()
    return page.get_url(request) if page is not None else ""


def engagement_services(request):
    language = (get_language() or "vi")[:2]
    found = [
        service(
            "ask",
            _("Gửi câu hỏi"),
            _("Hỏi về thủ tục, chính sách; câu trả lời được đăng công khai."),
            reverse("engagement:ask"),
            10,
        ),
        service(
            "report",
            _("Gửi phản ánh, kiến nghị"),
            _("Báo cho cơ quan một việc sai, chậm hoặc chưa hợp lý."),
            reverse("engagement:report"),
            20,
        ),
        service(
            "track",
            _("Tra cứu hồ sơ"),
            _("Xem tình trạng câu hỏi, phản ánh bằng mã tra cứu."),
            reverse("engagement:lookup"),
            30,
        ),
    ]
    answers = _latest(QuestionIndexPage, request, locale__language_code=language) or _latest(
        QuestionIndexPage, request
    )
    if answers:
        found.append(
            service(
                "answers",
                _("Hỏi đáp"),
                _("Câu hỏi của người dân và câu trả lời của cơ quan."),
                answers,
                15,
            )
        )
    exchange = _latest(ExchangePage, request)
    if exchange:
        found.append(
            service(
                "exchanges",
                _("Giao lưu trực tuyến"),
                _("Lãnh đạo trả lời trực tiếp câu hỏi của người dân."),
                exchange,
                60,
            )
        )
    return found
