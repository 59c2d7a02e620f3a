"""Snippets cut and marked by Elasticsearch, so that search hits never carry whole bodies back."""

from ...snippets import WIDTH

# The folded sub-field is the one every text query searches; its fragments are cut from the body
# as written. The body starts with the summary (Entry.from_document), so a hit whose body does
# not match still shows the start of its summary.
FIELD = "body.folded"

HIGHLIGHT = {
    "fields": {FIELD: {}},
    "pre_tags": ["<mark>"],
    "post_tags": ["</mark>"],
    "encoder": "html",
    "fragment_size": WIDTH,
    "number_of_fragments": 1,
    "no_match_size": WIDTH,
    # Bounds the work per hit on very long bodies (a document with its attachments' text) and
    # avoids the error Elasticsearch raises past index.highlight.max_analyzed_offset.
    "max_analyzed_offset": 100_000,
}

# What a result shows; the body and the fields only queries need stay on the cluster.
SOURCE = {"includes": ["kind", "id", "title", "url", "article", "date", "metadata"]}


def snippet(hit):
    """The hit's marked, HTML-escaped fragment, or "" when its body is empty."""
    fragments = hit.get("highlight", {}).get(FIELD, [])
    return fragments[0] if fragments else ""
