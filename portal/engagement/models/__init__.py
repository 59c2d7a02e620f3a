from .contacts import Contact
from .exchanges import ExchangePage
from .pages import AnswerPage, QuestionIndexPage
from .ratings import Rating
from .submissions import Question, Report, ReportPhoto, StatusChange

__all__ = [
    "AnswerPage",
    "Contact",
    "ExchangePage",
    "Question",
    "QuestionIndexPage",
    "Rating",
    "Report",
    "ReportPhoto",
    "StatusChange",
]
