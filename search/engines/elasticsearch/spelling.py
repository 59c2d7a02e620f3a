""" "Did you mean" on Elasticsearch: the two searches it sends and what is read from their answers.
The choice of words is search.spelling's, as on the embedded engine.

1. Which query words are known (in titles or bodies, folded), the closest folded title words to
   each (a term suggester on `title.folded`), and how often each onset variant is a title word.
2. Only when a word was corrected: how each word to write is spelt in titles, from a term
   suggester on the as-written `title` and a count of the word itself. Every marked form of a
   folded syllable is within two edits of it, or of it with đ for d (đường: đuong).
"""

from portal.core.text import fold

from ...spelling import onset_variants

CANDIDATES = 20  # closest folded title words per unknown word
SPELLINGS = 50  # title words within two edits of a word to write, most frequent first


def _counts(answer, name):
    buckets = answer.get("aggregations", {}).get(name, {}).get("buckets", {})
    return {key: bucket["doc_count"] for key, bucket in buckets.items()}


def corrections_body(words):
    variants = sorted({variant for word in words for variant in onset_variants(word)})
    aggregations = {
        "known": {
            "filters": {
                "filters": {
                    word: {
                        "multi_match": {"query": word, "fields": ["title.folded", "body.folded"]}
                    }
                    for word in words
                }
            }
        }
    }
    if variants:
        aggregations["variants"] = {
            "filters": {"filters": {v: {"term": {"title.folded": v}} for v in variants}}
        }
    return {
        "size": 0,
        "suggest": {
            "words": {
                "text": " ".join(words),
                # Syllables are short: the default minimum of 4 letters would skip most.
                "term": {
                    "field": "title.folded",
                    "suggest_mode": "missing",
                    "min_word_length": 1,
                    "size": CANDIDATES,
                },
            }
        },
        "aggs": aggregations,
    }


def read_corrections(answer, words):
    """(known words, candidates per word) from the answer to `corrections_body`."""
    known = {word for word, count in _counts(answer, "known").items() if count}
    variants = _counts(answer, "variants")
    candidates = {word: [] for word in words}
    for entry in answer.get("suggest", {}).get("words", []):
        if entry["text"] in candidates:
            options = entry.get("options", [])
            candidates[entry["text"]].extend((o["text"], o["freq"]) for o in options)
    for word in words:
        candidates[word].extend(
            (variant, variants[variant])
            for variant in onset_variants(word)
            if variants.get(variant)
        )
    return known, candidates


def spellings_body(words):
    typed = sorted(set(words) | {"đ" + word[1:] for word in words if word.startswith("d")})
    return {
        "size": 0,
        "suggest": {
            "written": {
                "text": " ".join(typed),
                "term": {
                    "field": "title",
                    "suggest_mode": "always",
                    "sort": "frequency",
                    "size": SPELLINGS,
                    "max_edits": 2,
                    "prefix_length": 0,  # đ or a marked vowel may come first
                    "min_word_length": 1,
                    "accuracy": 0.0,  # one edit is half of a two-letter word
                    "max_term_freq": 0.99,  # a frequent word still has its spellings compared
                },
            }
        },
        "aggs": {"written": {"filters": {"filters": {w: {"term": {"title": w}} for w in typed}}}},
    }


def read_spellings(answer, words):
    """Folded word -> its most frequent spelling in titles, from the answer to `spellings_body`."""
    frequencies = {word: count for word, count in _counts(answer, "written").items() if count}
    for entry in answer.get("suggest", {}).get("written", []):
        for option in entry.get("options", []):
            frequencies[option["text"]] = max(option["freq"], frequencies.get(option["text"], 0))
    written = {}
    for spelling, _ in sorted(frequencies.items(), key=lambda item: (-item[1], item[0])):
        written.setdefault(fold(spelling), spelling)
    return {word: written[word] for word in words if word in written}
