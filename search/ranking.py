"""How much each signal counts, shared by both engines so that they rank alike.

Scores add up: a number look-up's tiers (steps of a thousand) stay above any text score; text
scores are BM25 of each query syllable, of adjacent syllable pairs and of the whole phrase, with
the boosts of the query's intent (search.analysis); the sum is then multiplied by the entry's
weight for that intent (search.features).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Boosts:
    title: float  # a query syllable in the title
    body: float
    pair_title: float  # adjacent query syllables found together
    pair_body: float


# A few words name something (a procedure, a law): titles count. A question is answered by an
# article's text: pairs of its words found together there count most.
BOOSTS = {
    "everyday": Boosts(title=3.0, body=1.0, pair_title=2.0, pair_body=1.0),
    "question": Boosts(title=1.0, body=1.0, pair_title=2.0, pair_body=3.0),
}
EXACT_ACCENT = 1.5  # extra weight of the field as written when the user typed marks
PHRASE_TITLE, PHRASE_BODY = 4.0, 2.0
PHRASE_MAX_TOKENS = 6  # longer queries rank by pairs; a whole-query phrase would rarely match
EXACT_TITLE = 100.0
SYNONYM = 2.0
IDENT_EXACT = 1000.0
# A look-up: every document with the number scores LOOKUP, plus these for what else matches.
# Steps of a thousand, so that text scores (far below) never cross a tier.
LOOKUP, LOOKUP_YEAR, LOOKUP_TYPE, LOOKUP_CODE = 10_000.0, 4000.0, 2000.0, 1000.0
LOOKUP_TIER = 1000.0
# Documents bearing a looked-up number that both engines reorder, newest first within a tier.
LOOKUP_WINDOW = 100


def newest_first_within_tiers(ranked, day_of):
    """Documents bearing a looked-up number score in tiers (how much else of the query they
    match); within a tier the newest comes first. `ranked` is (score, item) by score, `day_of`
    gives an item's date as an ISO string or a number (None sorts last); the other hits follow
    in their order."""
    tiered = [(score, item) for score, item in ranked if score >= LOOKUP]
    if not tiered:
        return ranked

    def newest(entry):
        score, item = entry
        day = day_of(item)
        return (score // LOOKUP_TIER, day is not None, day or 0)

    return sorted(tiered, key=newest, reverse=True) + ranked[len(tiered) :]
