from .attachments import AttachmentText, LegalAttachment
from .choices import DocumentKind, RelationType, Validity
from .pages import LegalDocumentIndexPage, LegalDocumentPage
from .parts import LegalArticle, LegalRelation

__all__ = [
    "AttachmentText",
    "DocumentKind",
    "LegalArticle",
    "LegalAttachment",
    "LegalDocumentIndexPage",
    "LegalDocumentPage",
    "LegalRelation",
    "RelationType",
    "Validity",
]
