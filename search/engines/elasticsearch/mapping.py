"""The Elasticsearch document class, analysers and mapping.

Text is indexed twice: lowercased as written (`title`, `body`) and folded (`.folded`: lowercase
plus asciifolding, which also turns đ into d), so queries without marks find marked text. Both are
cut into runs of letters and digits, as search.analysis and tantivy cut them, so that a query's
words are the same terms in both engines.

The other fields are the embedded engine's (search.features): syllable pairs, the exact title,
the entry's sort, number parts for look-ups and the entry's weight for each kind of query.
"""

from elasticsearch.dsl import (
    Date,
    Document,
    Float,
    Integer,
    Keyword,
    Long,
    MetaField,
    Object,
    Text,
    analyzer,
    tokenizer,
)

from ...analysis import identifier_tokens, normalise_text
from ...documents import site_values
from ...features import (
    effective_date,
    entry_sort,
    exact_identifiers,
    expiry,
    indexed_body,
    lookup_parts,
    text_fields,
    title_key,
    weights,
)
from ...requests import FACETS
from .. import document_facets, document_weight

LABEL_SEPARATOR = "\x1f"
# Changed with every change to the mapping below: `search_index sync` rebuilds an index of
# another version (ElasticsearchEngine.is_current) rather than querying fields it lacks.
SCHEMA_VERSION = "4"

# The standard tokenizer keeps "1.004194" and "TP.HCM" whole; search.analysis splits them.
words = tokenizer("vi_words", "pattern", pattern=r"[^\p{L}\p{N}]+")
vi_lower = analyzer("vi_lower", tokenizer=words, filter=["lowercase"])
vi_folded = analyzer("vi_folded", tokenizer=words, filter=["lowercase", "asciifolding"])
# Syllable pairs arrive folded and glued, one per space (search.features.bigrams).
pairs = analyzer("vi_pairs", tokenizer="whitespace", filter=["lowercase"])


def _text():
    return Text(analyzer=vi_lower, fields={"folded": Text(analyzer=vi_folded)})


def _pairs():
    return Text(analyzer=pairs, index_options="freqs")


class Entry(Document):
    """One searchable entry: a procedure, a legal document, an article of one, a news item."""

    key = Keyword()
    kind = Keyword()
    language = Keyword()
    id = Keyword()
    title = Text(
        analyzer=vi_lower,
        fields={"folded": Text(analyzer=vi_folded)},
    )
    body = _text()
    title_b = _pairs()
    body_b = _pairs()
    summary = Text(index=False)
    url = Keyword(index=False)
    ident = Keyword()
    ident_t = Text(analyzer="whitespace")
    title_key = Keyword()
    entry = Keyword()
    num = Keyword()
    num_year = Keyword()
    num_type = Keyword()
    num_code = Keyword()
    article = Keyword()
    date = Keyword()  # ISO date as shown
    day = Date()  # what sorts and filters: the date, else the year of the number
    page = Integer()
    expires = Long()  # seconds since the epoch (search.features.expiry)
    weight = Float()
    # Multipliers as they are: field_value_factor multiplies the score by the value.
    w_everyday = Float()
    w_question = Float()
    site = Keyword()  # agency site scope (search.sites)
    facet = Object(properties={name: Keyword() for name in FACETS})
    facet_label = Object(properties={name: Keyword() for name in FACETS})
    metadata = Object(enabled=False)
    content_hash = Keyword(index=False)  # written by the engine: `search_index sync` reads it

    class Meta:
        meta = MetaField(schema_version=SCHEMA_VERSION)

    @classmethod
    def from_document(cls, doc):
        facets = document_facets(doc)
        day = effective_date(doc)
        weight = document_weight(doc)
        parts = lookup_parts(doc)
        number = {}
        if parts:
            number = {
                "num": parts.digits,
                "num_year": parts.year or None,
                "num_type": parts.type_codes,
                "num_code": parts.code_parts,
            }
        return cls(
            meta={"id": doc.key},
            key=doc.key,
            kind=doc.kind,
            language=doc.language,
            id=doc.id,
            title=normalise_text(doc.title),
            body=indexed_body(doc),
            summary=doc.summary,
            url=doc.url,
            ident=exact_identifiers(doc),
            ident_t=" ".join(identifier_tokens(doc.identifiers)),
            title_key=title_key(doc.title),
            entry=entry_sort(doc),
            article=doc.article,
            date=doc.date.isoformat() if doc.date else None,
            day=day.isoformat() if day else None,
            page=doc.page_id,
            site=site_values(doc),
            weight=weight,
            expires=expiry(doc),
            facet={name: [v for v, _ in values] for name, values in facets.items()},
            facet_label={
                name: [f"{v}{LABEL_SEPARATOR}{label}" for v, label in values]
                for name, values in facets.items()
            },
            metadata={name: [label for _, label in values] for name, values in facets.items()},
            **text_fields(doc),
            **weights(doc, weight),
            **number,
        )
