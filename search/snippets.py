"""Highlighted snippets: HTML-escaped text with <mark> around the query's syllables.

Texts are folded once, character by character (so positions stay those of the text as
written), and the best window is found in one pass over the matches.
"""

import functools
import re
from collections import Counter
from html import escape

from portal.core.text import fold

WIDTH = 220
# Only the beginning of a very long text (an attachment's extracted text) is searched for a
# window: a snippet far down a 300-page PDF helps nobody and would cost a whole scan.
SCAN_LIMIT = 60_000


def _fold_table():
    """Each Latin letter (Vietnamese letters are all in these blocks) -> its folded lowercase
    letter, for str.translate: one character for one, so positions do not move."""
    table = {}
    for block in ((0x41, 0x5A), (0xC0, 0x24F), (0x1E00, 0x1EFF)):
        for code in range(block[0], block[1] + 1):
            folded = fold(chr(code)).lower()
            if len(folded) == 1 and folded != chr(code):
                table[code] = folded
    return table


_FOLD = _fold_table()


# A question's candidates are folded to be reordered (search.reranking), then the page's ones
# again for their snippets: the last few texts are kept folded.
@functools.lru_cache(maxsize=64)
def fold_letters(text):
    """Folded and lowercased, one character for one (other characters are kept)."""
    return text.translate(_FOLD)


def _pattern(terms):
    """Whole words among `terms`, longest first (the regex engine does the scanning)."""
    words = sorted((t for t in terms if t), key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, words)) + r")(?![^\W_])")


def _matches(text, pattern):
    """(start, end, term) of every word of `text` that is one of the folded terms."""
    if pattern is None:
        return []
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(fold_letters(text))]


def _best_window(matches, width):
    """(distinct terms, start) of the window of `width` characters starting at a match that
    holds the most distinct terms; the earliest such window."""
    best, counts, right = (0, 0), Counter(), 0
    for left, (start, _, _) in enumerate(matches):
        while right < len(matches) and matches[right][1] - start <= width:
            counts[matches[right][2]] += 1
            right += 1
        distinct = len(counts)
        if distinct > best[0]:
            best = (distinct, start)
        if right > left:
            term = matches[left][2]
            counts[term] -= 1
            if not counts[term]:
                del counts[term]
    return best


def make_snippet(texts, terms, width=WIDTH):
    """The window of the first text that matches best, with its matching words marked."""
    pattern = _pattern(set(terms))
    best = None
    for text in texts:
        if not text:
            continue
        matches = _matches(text[:SCAN_LIMIT], pattern)
        if not matches:
            best = best or (0, text, 0)
            continue
        count, start = _best_window(matches, width)
        if best is None or count > best[0]:
            best = (count, text, start)
    if best is None:
        return ""
    _, text, start = best
    start = max(0, start - 40)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + width // 2 else end
    return _mark(text[start:end], pattern, prefix=start > 0, suffix=end < len(text))


def _mark(text, pattern, prefix, suffix):
    out, last = [], 0
    for start, end, _ in _matches(text, pattern):
        out.append(escape(text[last:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    out.append(escape(text[last:]))
    return ("…" if prefix else "") + "".join(out).strip() + ("…" if suffix else "")
