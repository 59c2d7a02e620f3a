"""What a legal document hands to search: one entry for itself and one per article."""

from search.documents import SearchDocument

from .attachment_texts import attachment_text
from .models.choices import IN_FORCE_STATES


def facets(page):
    return {
        "doc_type": [(page.doc_type, page.doc_type)] if page.doc_type else [],
        "issuer": [(page.issuer.slug, page.issuer.name)] if page.issuer else [],
        "field": [(field.slug, field.name) for field in page.fields.all()],
        "validity": [(page.validity, page.get_validity_display())],
        "year": [(str(page.issued.year), str(page.issued.year))] if page.issued else [],
    }


def search_documents(page):
    url = page.get_url() or page.url_path
    common = {
        "kind": "legal",
        "id": page.number,
        "language": page.locale.language_code,
        "identifiers": [page.number],
        "date": page.issued,
        "facets": facets(page),
        "in_force": page.validity in IN_FORCE_STATES,
        "page_id": page.pk,
    }
    body = "\n\n".join(
        part for part in (page.abstract, attachment_text(page), page.full_text) if part
    )
    entries = [
        SearchDocument(
            title=page.title, url=url, body=body, summary=page.abstract or page.title, **common
        )
    ]
    for article in page.articles.all():
        entries.append(
            SearchDocument(
                title=f"{article} — {page.title}",
                url=f"{url}#{article.anchor}",
                body=article.text,
                summary=article.text[:300],
                article=article.number,
                **common,
            )
        )
    return entries
