from .comments import DraftComment, Reception
from .pages import DraftArticle, DraftAttachment, DraftIndexPage, DraftPage, DraftStatus

__all__ = [
    "DraftArticle",
    "DraftAttachment",
    "DraftComment",
    "DraftIndexPage",
    "DraftPage",
    "DraftStatus",
    "Reception",
]
