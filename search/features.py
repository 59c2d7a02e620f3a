"""What both engines index beyond the text itself, computed once from a SearchDocument:
syllable pairs, the exact title, number parts for look-ups, and the weight of an entry for
each kind of query.

Vietnamese words are several syllables ("thủ tục hành chính"): indexing adjacent syllable
pairs as single terms gives phrase-like precision at the cost of a term query.
"""

import datetime
import math
import re

from django.utils import timezone

from .analysis import folded_tokens, identifier_keys, normalise_text
from .documents import SearchDocument
from .lookup import number_parts

_PARENTHESES = re.compile(r"\([^)]*\)")
_YEAR_IN_NUMBER = re.compile(r"/((?:19|20)\d\d)/")

# How much an entry of each sort counts, per kind of query (multipliers, the smallest 1):
# a short query naming a procedure wants the procedure, not an article that mentions its words;
# a question wants the article that answers it.
PRIORS = {
    "everyday": {"procedure": 3.0, "document": 2.4, "news": 1.6, "article": 1.0},
    "question": {"procedure": 1.0, "document": 1.2, "news": 1.0, "article": 2.0},
}
WEIGHT_FIELDS = tuple(f"w_{intent}" for intent in PRIORS)


def entry_sort(doc: SearchDocument) -> str:
    if doc.article:
        return "article"
    if doc.kind == "question":  # an answered question (portal/engagement) ranks as news until tuned
        return "news"
    # A draft for comment (portal/drafts) ranks as a legal document.
    return "document" if doc.kind in ("legal", "draft") else doc.kind


def bigrams(tokens) -> str:
    """Adjacent syllables glued: ["dang", "ky", "tam", "tru"] -> "dangky kytam tamtru"."""
    return " ".join(a + b for a, b in zip(tokens, tokens[1:], strict=False))


def title_key(title: str) -> str:
    """A title as a query would spell it: folded, lowercased, without parenthesised parts."""
    return " ".join(folded_tokens(_PARENTHESES.sub(" ", normalise_text(title))))


def doc_type_of(doc: SearchDocument) -> str:
    values = doc.facets.get("doc_type") or []
    return values[0][0] if values else ""


def lookup_parts(doc: SearchDocument):
    """Number parts of a legal document's own entry (articles answer questions, not numbers)."""
    if doc.kind != "legal" or doc.article or not doc.identifiers:
        return None
    return number_parts(doc.identifiers[0], doc_type_of(doc))


def effective_date(doc: SearchDocument) -> datetime.date | None:
    """The date an entry is sorted and filtered by: a document without one is as old as the year
    of its number (69/2025/NĐ-CP: 2025)."""
    if doc.date:
        return doc.date
    parts = lookup_parts(doc)
    return datetime.date(int(parts.year), 1, 1) if parts and parts.year else None


def exact_identifiers(doc: SearchDocument) -> list[str]:
    """The normalised keys an exact identifier match looks for; a procedure code also without
    its dot, as it is typed (1.004194 -> 1004194)."""
    keys = [key for identifier in doc.identifiers for key in identifier_keys(identifier)]
    if doc.kind == "procedure":
        keys += [i.replace(".", "") for i in doc.identifiers if "." in i]
    return keys


# A question is answered first by the highest-ranking text that governs it (the Constitution
# and laws over decrees, decrees over circulars and decisions) and, of two texts alike, by the
# newer (a law replaces its predecessor of the same name).
LEGAL_RANK = {
    "hien phap": 1.0, "luat": 1.0, "bo luat": 1.0, "phap lenh": 0.85,
    "nghi quyet": 0.8, "nghi dinh": 0.75, "quyet dinh": 0.65,
}  # fmt: skip
OTHER_LEGAL_RANK = 0.6
RECENCY_PER_YEAR = 0.02


def authority(doc: SearchDocument) -> float:
    if doc.kind != "legal":
        return 1.0
    rank = LEGAL_RANK.get(" ".join(folded_tokens(doc_type_of(doc))), OTHER_LEGAL_RANK)
    year = doc.date.year if doc.date else None
    match = _YEAR_IN_NUMBER.search(doc.id)
    if match:
        year = int(match[1])
    if year:
        rank *= 1 + RECENCY_PER_YEAR * max(-20, min(30, year - 2000))
    return rank


# Of the procedures a few words name alike, citizens mostly want the most used one.
USAGE_PER_DECADE = 0.1


def usage(doc: SearchDocument) -> float:
    return 1 + USAGE_PER_DECADE * math.log10(1 + doc.popularity) if doc.popularity > 0 else 1.0


def weights(doc: SearchDocument, base: float) -> dict[str, float]:
    """The multiplier of an entry for each kind of query: its prior times its own weight."""
    sort = entry_sort(doc)
    return {
        "w_everyday": PRIORS["everyday"][sort] * base * usage(doc),
        "w_question": PRIORS["question"][sort] * base * authority(doc),
    }


def indexed_body(doc: SearchDocument) -> str:
    """The summary and the body, the summary once when the body begins with it (an article's
    summary is its first lines: counting them twice would skew its word frequencies)."""
    summary = normalise_text(doc.summary)
    body = normalise_text(doc.body)
    if summary and body.startswith(summary):
        return body
    return " ".join(filter(None, [summary, body]))


def text_fields(doc: SearchDocument):
    """Folded syllable pairs of the title and body."""
    title = folded_tokens(doc.title)
    body = folded_tokens(indexed_body(doc))
    return {"title_b": bigrams(title), "body_b": bigrams(body)}


# Seconds since the epoch stand for "never expires": far beyond any real date, within an i64.
NEVER_EXPIRES = 2**62


def expiry(doc: SearchDocument) -> int:
    """When the entry stops being found, in seconds since the epoch (both engines filter on it)."""
    return int(doc.expires.timestamp()) if doc.expires else NEVER_EXPIRES


def not_expired_after() -> int:
    """The smallest expiry a search may still show: a page is public until it expires."""
    return int(timezone.now().timestamp()) + 1
