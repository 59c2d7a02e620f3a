"""Where answers live in the page tree: the “Hỏi đáp” section under the home page."""

from portal.core.site_structure import ensure_section

from .models import QuestionIndexPage

SECTION = {"vi": ("hoi-dap", "Hỏi đáp"), "en": ("questions", "Questions and answers")}


def question_section(language_code="vi"):
    slug, title = SECTION.get(language_code, SECTION["en"])
    return ensure_section(QuestionIndexPage, slug=slug, title=title, language_code=language_code)
