"""The Elasticsearch document class, analysers and mapping.

Text is indexed twice: lowercased as written (`title`, `body`) and folded (`.folded`: lowercase
plus asciifolding, which also turns đ into d), so queries without marks find marked text.
"""

from elasticsearch.dsl import (
    Document,
    Float,
    Integer,
    Keyword,
    Object,
    SearchAsYouType,
    Text,
    analyzer,
)

from ...analysis import identifier_keys, identifier_tokens
from ...requests import FACETS
from .. import document_facets, document_weight

LABEL_SEPARATOR = "\x1f"

vi_lower = analyzer("vi_lower", tokenizer="standard", filter=["lowercase"])
vi_folded = analyzer("vi_folded", tokenizer="standard", filter=["lowercase", "asciifolding"])


def _text():
    return Text(analyzer=vi_lower, fields={"folded": Text(analyzer=vi_folded)})


class Entry(Document):
    """One searchable entry: a procedure, a legal document, an article of one, a news item."""

    key = Keyword()
    kind = Keyword()
    language = Keyword()
    id = Keyword()
    title = Text(
        analyzer=vi_lower,
        fields={
            "folded": Text(analyzer=vi_folded),
            "suggest": SearchAsYouType(analyzer=vi_folded),
        },
    )
    body = _text()
    summary = Text(index=False)
    url = Keyword(index=False)
    ident = Keyword()
    ident_t = Text(analyzer="whitespace")
    article = Keyword()
    date = Keyword()  # ISO date; keyword sorts and ranges the same way
    page = Integer()
    weight = Float()
    facet = Object(properties={name: Keyword() for name in FACETS})
    facet_label = Object(properties={name: Keyword() for name in FACETS})
    metadata = Object(enabled=False)

    @classmethod
    def from_document(cls, doc):
        facets = document_facets(doc)
        return cls(
            meta={"id": doc.key},
            key=doc.key,
            kind=doc.kind,
            language=doc.language,
            id=doc.id,
            title=doc.title,
            body=" ".join(filter(None, [doc.summary, doc.body])),
            summary=doc.summary,
            url=doc.url,
            ident=[key for identifier in doc.identifiers for key in identifier_keys(identifier)],
            ident_t=" ".join(identifier_tokens(doc.identifiers)),
            article=doc.article,
            date=doc.date.isoformat() if doc.date else None,
            page=doc.page_id,
            weight=document_weight(doc),
            facet={name: [v for v, _ in values] for name, values in facets.items()},
            facet_label={
                name: [f"{v}{LABEL_SEPARATOR}{label}" for v, label in values]
                for name, values in facets.items()
            },
            metadata={name: [label for _, label in values] for name, values in facets.items()},
        )
