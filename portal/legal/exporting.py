"""`legal` lines for `export_content`, in the format the importer reads."""

from .models import LegalDocumentPage


def export_lines(importer):
    """Every document, or the `--site`'s; a local document's line names its site."""
    pages = (
        importer.pages_to_export(LegalDocumentPage.objects.all())
        .select_related("issuer")
        .prefetch_related("fields", "relations", "attachments", "articles")
        .order_by("normalised_number")
    )
    # A chunked iterator keeps only a hundred documents' articles in memory at a time.
    for page in pages.iterator(chunk_size=100):
        line = {
            "kind": "legal",
            **importer.site_field(page),
            "number": page.number,
            "title": page.abstract if page.title.endswith("…") and page.abstract else page.title,
            "abstract": page.abstract,
            "doc_type": page.doc_type,
            "document_kind": page.document_kind,
            "issuer": page.issuer.name if page.issuer else None,
            "signer": page.signer,
            "signer_title": page.signer_title,
            "issued": _date(page.issued),
            "effective": _date(page.effective),
            "expires": _date(page.expires),
            "status": page.validity_override or None,
            "status_note": page.validity_note,
            "fields": [field.name for field in page.fields.all()],
            "text": page.full_text,
            "articles": [
                {"number": a.number, "title": a.title, "text": a.text} for a in page.articles.all()
            ],
            "attachments": [
                {"title": a.title, "filename": a.filename, "url": a.source_url}
                for a in page.attachments.all()
                if a.source_url
            ],
            "relations": [
                {"type": r.relation_type, "number": r.target_number} for r in page.relations.all()
            ],
        }
        yield {key: value for key, value in line.items() if value not in ("", None, [])}


def _date(value):
    return value.isoformat() if value else None
