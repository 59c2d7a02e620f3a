from portal.core.site_structure import ensure_section

from .models import DraftIndexPage

SECTION = {
    "vi": ("du-thao-lay-y-kien", "Dự thảo lấy ý kiến"),
    "en": ("drafts", "Drafts for comment"),
}


def draft_section(language_code="vi", site=None):
    slug, title = SECTION.get(language_code, SECTION["en"])
    return ensure_section(
        DraftIndexPage, slug=slug, title=title, language_code=language_code, site=site
    )
