from .comments import Comment, CommentSection, CommentStatus, Moderated
from .contacts import Contact
from .desks import CaseDesk
from .exchanges import ExchangePage
from .pages import AnswerPage, QuestionIndexPage
from .ratings import Rating
from .submissions import Question, Report, ReportPhoto, StatusChange

__all__ = [
    "AnswerPage",
    "CaseDesk",
    "Comment",
    "CommentSection",
    "CommentStatus",
    "Contact",
    "ExchangePage",
    "Moderated",
    "Question",
    "QuestionIndexPage",
    "Rating",
    "Report",
    "ReportPhoto",
    "StatusChange",
]
