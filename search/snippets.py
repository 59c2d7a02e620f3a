"""Highlighted snippets: HTML-escaped text with <mark> around the query's syllables."""

import re
from html import escape

from portal.core.text import fold

_WORD = re.compile(r"[^\W_]+")
WIDTH = 220


def _matches(text, terms):
    return [m for m in _WORD.finditer(text) if fold(m.group().lower()) in terms]


def make_snippet(texts, terms, width=WIDTH):
    """The window of the first text that matches best, with its matching words marked."""
    terms = set(terms)
    best = None
    for text in texts:
        if not text:
            continue
        matches = _matches(text, terms)
        if not matches:
            best = best or (0, text, 0)
            continue
        # Pick the window (starting at some match) that holds the most distinct terms.
        scored = []
        for i, start in enumerate(matches):
            window = {
                fold(m.group().lower()) for m in matches[i:] if m.end() - start.start() <= width
            }
            scored.append((len(window), -i, start.start()))
        count, _, start = max(scored)
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
    return _mark(text[start:end], terms, prefix=start > 0, suffix=end < len(text))


def _mark(text, terms, prefix, suffix):
    out, last = [], 0
    for match in _matches(text, terms):
        out.append(escape(text[last : match.start()]))
        out.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return ("…" if prefix else "") + "".join(out).strip() + ("…" if suffix else "")
