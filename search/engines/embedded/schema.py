"""The tantivy schema and the conversion of a SearchDocument into a tantivy document."""

import json

import tantivy

from ...analysis import folded_text, identifier_tokens, normalise_text
from ...documents import content_hash, site_values
from ...features import (
    WEIGHT_FIELDS,
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
# Changed with every change to the fields below: an index of another version is rebuilt
# (`search_index sync` does it) rather than queried for fields it lacks.
SCHEMA_VERSION = "6"


def build_schema():
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("key", stored=True, tokenizer_name="raw")
    # Every text field twice: lowercased as written, and folded (marks removed, đ -> d).
    for name in ("title", "title_f", "body", "body_f"):
        builder.add_text_field(name)
    for name in ("title_b", "body_b"):  # folded syllable pairs (search.features)
        builder.add_text_field(name, index_option="freq")
    builder.add_text_field("ident", tokenizer_name="raw")  # normalised identifiers, exact
    builder.add_text_field("ident_t")  # their parts, for partial numbers
    # Exact title, entry sort and number parts (search.features, search.lookup).
    for name in ("title_key", "entry", "num", "num_year", "num_type", "num_code"):
        builder.add_text_field(name, tokenizer_name="raw", index_option="basic")
    for name in FACETS:
        builder.add_text_field(f"f_{name}", tokenizer_name="raw")  # values, for filters
        builder.add_text_field(f"fl_{name}", tokenizer_name="raw", fast=True)  # value+label
    builder.add_text_field("site", tokenizer_name="raw")  # agency site scope (search.sites)
    builder.add_integer_field("page", indexed=True)
    builder.add_integer_field("day", indexed=True, fast=True, stored=True)
    builder.add_integer_field("expires", indexed=True, fast=True)
    builder.add_float_field("weight", fast=True)
    for name in WEIGHT_FIELDS:
        builder.add_float_field(name, fast=True)
    builder.add_bytes_field("payload", stored=True)
    return builder.build()


# Multipliers are scaled so the smallest (an old circular's article for a short query) stays
# above 1: tantivy treats a weight below that as no weight at all.
WEIGHT_SCALE = 5.0


def tantivy_weight(multiplier):
    """tantivy multiplies a score by log2(2 + value): the value that multiplies by `multiplier`
    (times WEIGHT_SCALE, the same for every entry)."""
    return 2.0 ** (multiplier * WEIGHT_SCALE) - 2.0


def to_tantivy(doc):
    title = normalise_text(doc.title)
    body = indexed_body(doc)
    day = effective_date(doc)
    base = document_weight(doc)
    fields = {
        "key": doc.key,
        "title": title,
        "title_f": folded_text(title),
        "body": body,
        "body_f": folded_text(body),
        "ident": exact_identifiers(doc),
        "ident_t": " ".join(identifier_tokens(doc.identifiers)),
        "title_key": title_key(doc.title),
        "entry": entry_sort(doc),
        "weight": base,
        "expires": expiry(doc),
        "day": day.toordinal() if day else 0,
        "page": doc.page_id,
        "site": site_values(doc),
    }
    fields.update(text_fields(doc))
    fields.update({name: tantivy_weight(m) for name, m in weights(doc, base).items()})
    parts = lookup_parts(doc)
    if parts:
        fields.update(num=parts.digits, num_year=parts.year)
        fields.update(num_type=parts.type_codes, num_code=parts.code_parts)
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
        "hash": content_hash(doc),
    }
    fields["payload"] = json.dumps(payload, ensure_ascii=False).encode()
    return tantivy.Document(**{k: v for k, v in fields.items() if v not in ("", [], None)})
