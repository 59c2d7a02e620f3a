from .contacts import Contact
from .pages import AnswerPage, QuestionIndexPage
from .ratings import Rating
from .submissions import Question, Report, ReportPhoto, StatusChange

__all__ = [
    "AnswerPage",
    "Contact",
    "Question",
    "QuestionIndexPage",
    "Rating",
    "Report",
    "ReportPhoto",
    "StatusChange",
]
