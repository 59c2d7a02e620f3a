"""What an answered question hands to search (kind `question`): the published question and
answer, never who asked."""

from django.utils.html import strip_tags

from search.documents import SearchDocument


def search_documents(page):
    answer = strip_tags(page.answer)
    facets = {"year": [(str(page.answered_on.year), str(page.answered_on.year))]}
    if page.field:
        facets["field"] = [(page.field.slug, page.field.name)]
    return [
        SearchDocument(
            kind="question",
            id=page.code,
            title=page.title,
            url=page.get_url() or page.url_path,
            language=page.locale.language_code,
            body=f"{page.question}\n\n{answer}",
            summary=page.question[:300],
            identifiers=[page.code],
            date=page.answered_on,
            facets=facets,
            page_id=page.pk,
        )
    ]
