"""Query analysis shared by both engines: tokens, folding, identifiers, phrases, synonyms.

Both engines index every text field twice, lowercased as written and folded (`fold`), with the
same tokenisation as `tokenize` here (runs of letters and digits), so a query analysed once
can be turned into either engine's query.
"""

import math
import re
import unicodedata
from dataclasses import dataclass, field

from portal.core.identifiers import normalise_document_number, normalise_procedure_code
from portal.core.text import fold

from .glossary import translate
from .lookup import NumberLookup, number_lookup

# A word: a run of letters and digits (what both engines index as one term).
WORD = re.compile(r"[^\W_]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CODE = re.compile(r"\b\d+[.,]\d{3,}\b")
_RUNS = re.compile(r"\d+|[a-z]+")
MAX_TOKENS = 32
# A query that is little more than a number ("nd 312 2025") ranks a document whose number has
# all its digits first; in a long question the same digits are only a hint.
SHORT_QUERY_TOKENS = 4
IDENT_PARTIAL_SHORT, IDENT_PARTIAL_LONG = 400.0, 40.0
# A query of more syllables than this, or one that asks (a question mark, "là gì", "khi
# nào", "đúng hay sai" …), is a question: it wants the article that answers it.
EVERYDAY_MAX_TOKENS = 9
QUESTION_MARKERS = [
    tuple(marker.split())
    for marker in (
        "gi", "nao", "ai", "dung hay sai", "co phai", "bao nhieu", "bao lau", "duoc khong",
        "hay khong", "o dau", "tai sao", "vi sao", "co duoc", "phai khong",
    )
]  # fmt: skip
# Synonyms and question markers are looked up among runs of at most this many words.
MAX_PHRASE_WORDS = 8
# A question with nothing but such words ranks by its first few.
FALLBACK_WORDS = 4
# A long query ranks by its rarest words and pairs, at most this many of each.
FOCUS_LIMIT = 16
# Of those, the rarest few decide what matches at all; the rest only rank the matches (scoring a
# common word over every document that holds it is what makes a long query slow).
MATCHING_LIMIT = 10
# Folded words that carry no meaning in a question ("…, đúng hay sai?", "có phải", "theo quy
# định"): they neither decide what matches nor how it ranks.
QUESTION_STOPWORDS = frozenset(
    """dung hay sai khong co phai theo quy dinh duoc la gi nhu the nao bao nhieu khi
    o dau cua va cac nhung thi ma nay do voi cho trong neu de mot ve tu tai bi da se can
    nao ai hoac tren duoi sau truoc cung van ra vao lai nhat rat""".split()  # noqa: SIM905
)


def normalise_text(text: str) -> str:
    return unicodedata.normalize("NFC", _CONTROL.sub(" ", text or ""))


def tokenize(text: str) -> list[str]:
    """Lowercased syllables as written: "Đăng ký (TTHC)" -> ["đăng", "ký", "tthc"]."""
    return WORD.findall(normalise_text(text).lower())


def folded_tokens(text: str) -> list[str]:
    return [fold(token) for token in tokenize(text)]


def folded_text(text: str) -> str:
    return fold(normalise_text(text))


def identifier_keys(identifier: str) -> list[str]:
    """The normalised forms an identifier is found by (a procedure code, a document number)."""
    keys = []
    code = normalise_procedure_code(identifier)
    if code:
        keys.append(code)
    number = normalise_document_number(identifier)
    if number and number not in keys:
        keys.append(number)
    return keys


def identifier_tokens(identifiers, keep_joined=True) -> list[str]:
    """The parts of every identifier, lowercased and folded: for partial numbers ("qđ 2499").

    Letters and digits written together are also split ("QH14" -> "qh14", "qh", "14"), so that
    "NĐ312/2025" finds 312/2025/NĐ-CP; the query side keeps only the split runs."""
    tokens = []
    for identifier in identifiers:
        for key in identifier_keys(identifier):
            for part in re.split(r"[-.]", key.lower()):
                runs = _RUNS.findall(part)
                if part and (keep_joined or len(runs) == 1):
                    tokens.append(part)
                if len(runs) > 1:
                    tokens.extend(runs)
    return tokens


@dataclass
class Synonym:
    """An abbreviation or synonym as folded token sequences: `term` means each of `expansions`."""

    term: tuple[str, ...]
    expansions: list[tuple[str, ...]]
    # A term of the bilingual glossary: English stems (english_stems) meaning the Vietnamese
    # expansions; found in a query's stems, and its words are then translated, not matched.
    english: bool = False


@dataclass
class AnalysedQuery:
    text: str
    tokens: list[str]  # as typed, lowercased
    folded: list[str]  # folded, same positions
    accented: list[bool]  # whether each token carried marks (exact-accent boost)
    identifiers: list[str] = field(default_factory=list)  # exact normalised identifier keys
    identifier_parts: list[str] = field(default_factory=list)  # for partial identifier match
    expansions: list[tuple[str, ...]] = field(default_factory=list)  # folded phrases
    lookup: NumberLookup | None = None  # the query is (mostly) a document number
    focus: set[int] | None = None  # of a long query, the positions of its rarest words
    pair_focus: set[tuple[str, str]] | None = None  # and its rarest pairs
    matching: set[int] | None = None  # of those, the rarest, which decide what matches at all
    intent: str = "everyday"  # "everyday" (a few words) or "question"
    translated: set[int] = field(default_factory=set)  # English words the glossary stood in for

    @property
    def is_question(self):
        return self.intent == "question"

    def _meaningful(self, i):
        return not self.is_question or self.folded[i] not in QUESTION_STOPWORDS

    def content_positions(self):
        """Positions of the distinct words that decide the ranking: a question's meaningful
        words (or its first few when it has none), narrowed to the `focus` when one is set."""
        first = {}
        for i, word in enumerate(self.folded):
            first.setdefault(word, i)
        positions = [i for i in first.values() if self._meaningful(i) and i not in self.translated]
        if not positions and not self.translated:
            positions = list(first.values())[:FALLBACK_WORDS]
        if self.focus is not None:
            positions = [i for i in positions if i in self.focus]
        return positions

    @property
    def is_empty(self):
        return not self.tokens and not self.identifiers

    def matching_positions(self):
        """The words a document must hold enough of to match at all (the rarest of a long
        query; the others only rank what matched)."""
        positions = self.content_positions()
        if self.matching is None:
            return positions
        return [i for i in positions if i in self.matching]

    @property
    def minimum_match(self):
        """How many query syllables a document must contain to match at all."""
        n = len(self.matching_positions())
        if self.lookup is not None:
            # The documents bearing the number come first anyway; among the others only those
            # holding every word are worth listing (and counting them all would be slow).
            return n
        if n <= 2:
            return n
        if n <= 4:
            return n - 1
        return math.ceil(n * 0.5)

    @property
    def partial_identifier_boost(self):
        return IDENT_PARTIAL_SHORT if len(self.tokens) <= SHORT_QUERY_TOKENS else IDENT_PARTIAL_LONG

    def bigrams(self):
        """Distinct adjacent syllables, leaving out pairs of a question's meaningless words,
        narrowed to the `pair_focus` when one is set."""
        pairs = dict.fromkeys(
            (self.folded[i], self.folded[i + 1])
            for i in range(len(self.folded) - 1)
            if self._meaningful(i) or self._meaningful(i + 1)
        )
        if self.pair_focus is not None:
            return [pair for pair in pairs if pair in self.pair_focus]
        return list(pairs)

    def question_terms(self):
        """All the meaningful words of a question and its adjacent pairs that hold at least one
        of them, however the query was narrowed: what a candidate answer is measured against."""
        words = {word for i, word in enumerate(self.folded) if self._meaningful(i)}
        pairs = {
            (self.folded[i], self.folded[i + 1])
            for i in range(len(self.folded) - 1)
            if self._meaningful(i) or self._meaningful(i + 1)
        }
        return words, pairs

    def narrow(self, word_frequency, pair_frequency, limit=FOCUS_LIMIT):
        """Keep the `limit` rarest words and pairs of a long query: the rarest carry its
        meaning, and the commonest would cost the most to score (a 32-word question then
        costs about what a short one does)."""
        positions = self.content_positions()
        if len(positions) > MATCHING_LIMIT:
            # A word the index does not hold cannot match: it goes last.
            frequency = {i: word_frequency(self.folded[i]) or float("inf") for i in positions}
            rarest = sorted(positions, key=lambda i: (frequency[i], i))
            self.focus = set(rarest[:limit])
            self.matching = set(rarest[:MATCHING_LIMIT])
        pairs = self.bigrams()
        if len(pairs) > limit:
            self.pair_focus = set(sorted(pairs, key=lambda p: pair_frequency(p))[:limit])

    def highlight_terms(self):
        """What a snippet marks: a question's meaningful words only."""
        terms = {word for i, word in enumerate(self.folded) if self._meaningful(i)}
        terms |= set(self.identifier_parts)
        for expansion in self.expansions:
            terms.update(expansion)
        return terms


def _phrases(words, longest=MAX_PHRASE_WORDS):
    """Every run of up to `longest` consecutive words, as tuples: phrase look-ups in one set."""
    return {
        tuple(words[i : i + n]) for n in range(1, longest + 1) for i in range(len(words) - n + 1)
    }


def analyse(text: str, synonyms: list[Synonym] = ()) -> AnalysedQuery:
    text = normalise_text(text).strip()
    tokens = tokenize(text)[:MAX_TOKENS]
    folded = [fold(token) for token in tokens]
    query = AnalysedQuery(
        text=text,
        tokens=tokens,
        folded=folded,
        accented=[token != f for token, f in zip(tokens, folded, strict=True)],
    )
    phrases = _phrases(folded)
    asks = "?" in text or any(marker in phrases for marker in QUESTION_MARKERS)
    if asks or len(tokens) > EVERYDAY_MAX_TOKENS:
        query.intent = "question"
    if any(ch.isdigit() for ch in text):
        query.lookup = number_lookup(text)
        candidates = [text, *_CODE.findall(text)]
        for candidate in candidates:
            for key in identifier_keys(candidate):
                if key not in query.identifiers:
                    query.identifiers.append(key)
        query.identifier_parts = [
            part
            for part in identifier_tokens([text], keep_joined=False)
            if any(ch.isdigit() for ch in part)
        ] + [t for t in folded if not any(ch.isdigit() for ch in t) and len(t) <= 6]
    translate(query, [synonym for synonym in synonyms if synonym.english])
    for synonym in (synonym for synonym in synonyms if not synonym.english):
        if synonym.term in phrases:
            query.expansions.extend(e for e in synonym.expansions if e not in query.expansions)
        for expansion in synonym.expansions:
            if expansion in phrases and synonym.term not in query.expansions:
                query.expansions.append(synonym.term)
    return query
