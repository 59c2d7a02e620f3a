"""What anyone holding a tracking code may see: status, dated public steps and, for a question,
the published answer. Never personal data, never who on the staff did what."""

from django.http import Http404
from django.utils.translation import gettext as _

from portal.core.visibility import is_visible

from . import codes, ownership
from .models import Question, Report


class MalformedCode(ValueError):
    pass


def find(code, *, site=None, user=None):
    """The question or report of this code; MalformedCode or Http404 otherwise. Asked on a
    `site`, only a case of that site's agency (any, on the ministry's); asked by a staff `user`,
    only a case of that user's desk (portal/engagement/ownership.py)."""
    normal = codes.normalise(code)
    if normal is None:
        raise MalformedCode(
            _("Mã theo dõi không đúng dạng: mã gồm HD hoặc PA và 8 ký tự, ví dụ HD-7K4M-2P9X.")
        )
    model = Question if normal.startswith(codes.QUESTION) else Report
    submission = model.objects.filter(code=normal).first()
    if submission is not None and site is not None and not ownership.answers_on(site, submission):
        submission = None
    if submission is not None and user is not None and not ownership.may_handle(user, submission):
        submission = None
    if submission is None:
        raise Http404(_("Không tìm thấy hồ sơ có mã %(code)s.") % {"code": normal})
    return submission


def public_view(submission):
    is_question = isinstance(submission, Question)
    view = {
        "code": submission.code,
        "kind": "question" if is_question else "report",
        "status": submission.status,
        "status_label": str(submission.get_status_display()),
        "submitted": submission.created_at.date(),
        "history": [
            {
                "status": step.status,
                "label": str(step.status_label()),
                "date": step.created_at,
                "note": step.note,
            }
            for step in submission.history()
        ],
        "answer": None,
    }
    if is_question:
        view["title"] = submission.title if submission.publishable else ""
        page = submission.answer_page
        if page is not None and is_visible(page):
            page = page.specific
            view["answer"] = {"url": page.get_url(), "text": page.answer, "date": page.answered_on}
    else:
        view["category"] = submission.category
        view["category_label"] = str(submission.get_category_display())
        view["deadline"] = submission.deadline
        view["overdue"] = submission.overdue
        view["overdue_working_days"] = submission.overdue_working_days
    return view
