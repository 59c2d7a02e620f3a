"""The tantivy schema and the conversion of a SearchDocument into a tantivy document."""

import json

import tantivy

from ...analysis import folded_text, identifier_keys, identifier_tokens, normalise_text
from ...requests import FACETS
from .. import document_facets, document_weight

LABEL_SEPARATOR = "\x1f"


def build_schema():
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("key", stored=True, tokenizer_name="raw")
    # Every text field twice: lowercased as written, and folded (marks removed, đ -> d).
    for name in ("title", "title_f", "body", "body_f"):
        builder.add_text_field(name)
    builder.add_text_field("ident", tokenizer_name="raw")  # normalised identifiers, exact
    builder.add_text_field("ident_t")  # their parts, for partial numbers
    for name in FACETS:
        builder.add_text_field(f"f_{name}", tokenizer_name="raw")  # values, for filters
        builder.add_text_field(f"fl_{name}", tokenizer_name="raw", fast=True)  # value+label
    builder.add_integer_field("page", indexed=True)
    builder.add_integer_field("day", indexed=True, fast=True)
    builder.add_float_field("weight", fast=True)
    builder.add_bytes_field("payload", stored=True)
    return builder.build()


def to_tantivy(doc):
    title = normalise_text(doc.title)
    body = normalise_text(" ".join(filter(None, [doc.summary, doc.body])))
    fields = {
        "key": doc.key,
        "title": title,
        "title_f": folded_text(title),
        "body": body,
        "body_f": folded_text(body),
        "ident": [key for identifier in doc.identifiers for key in identifier_keys(identifier)],
        "ident_t": " ".join(identifier_tokens(doc.identifiers)),
        "weight": document_weight(doc),
        "day": doc.date.toordinal() if doc.date else 0,
        "page": doc.page_id,
    }
    facets = document_facets(doc)
    for name, values in facets.items():
        fields[f"f_{name}"] = [value for value, _ in values]
        fields[f"fl_{name}"] = [f"{value}{LABEL_SEPARATOR}{label}" for value, label in values]
    payload = {
        "kind": doc.kind,
        "id": doc.id,
        "title": doc.title,
        "url": doc.url,
        "summary": doc.summary,
        "body": doc.body,
        "article": doc.article,
        "date": doc.date.isoformat() if doc.date else None,
        "metadata": {name: [label for _, label in values] for name, values in facets.items()},
    }
    fields["payload"] = json.dumps(payload, ensure_ascii=False).encode()
    return tantivy.Document(**{k: v for k, v in fields.items() if v not in ("", [], None)})
