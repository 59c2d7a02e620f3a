"""What a draft hands to search (kind `draft`): its title, abstract and articles, never the
comments' authors (comments are not indexed at all)."""

from search.documents import SearchDocument


def search_documents(page):
    body = "\n\n".join(
        [page.abstract, *(f"{article}\n{article.text}" for article in page.articles.all())]
    )
    unit = page.drafting_unit
    return [
        SearchDocument(
            kind="draft",
            id=page.slug,
            title=page.title,
            url=page.get_url() or page.url_path,
            language=page.locale.language_code,
            body=body,
            summary=page.abstract or page.title,
            identifiers=[page.intended_number] if page.intended_number else [],
            date=page.opens_at.date(),
            facets={
                "doc_type": [(page.doc_type, page.doc_type)] if page.doc_type else [],
                "agency": [(unit.slug, unit.name)],
                "field": [(field.slug, field.name) for field in page.fields.all()],
            },
            page_id=page.pk,
        )
    ]
