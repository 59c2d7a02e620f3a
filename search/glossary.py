"""The bilingual glossary applied to a query: English terms, in any inflection, stand for the
Vietnamese words the content uses (the snippet GlossaryTerm, search/models.py)."""

import snowballstemmer

# English words that carry no meaning in a request ("how do I apply for a passport"): once a
# glossary term translates the rest, they neither decide what matches nor how it ranks.
ENGLISH_STOPWORDS = frozenset(
    """a an the of for to in on at by with and or from about into my our your i we me you it is
    are be been was can could should would will do does did how what where when which who why
    need needs want get getting obtain apply applying applied please""".split()  # noqa: SIM905
)
_ENGLISH = snowballstemmer.stemmer("english")


def english_stems(words) -> tuple[str, ...]:
    """English words reduced to their stems ("environmental permits" -> environment, permit),
    so a glossary term is found in any of its inflections."""
    return tuple(_ENGLISH.stemWords([word for word in words if word not in ENGLISH_STOPWORDS]))


def translate(query, glossary):
    """Add the Vietnamese of every glossary term found among the query's English stems. The
    words translated no longer have to match themselves: the content is Vietnamese. So do the
    English filler words ("how", "for", "an") of a query typed without marks; in one with marks,
    which mixes in Vietnamese, they stay, since "to" or "can" may be Vietnamese too."""
    if not glossary:
        return
    kept = [i for i, word in enumerate(query.folded) if word not in ENGLISH_STOPWORDS]
    stems = english_stems([query.folded[i] for i in kept])
    covered = set()
    for entry in glossary:
        n = len(entry.term)
        for start in range(len(stems) - n + 1):
            if stems[start : start + n] == entry.term:
                covered.update(kept[start : start + n])
                query.expansions.extend(e for e in entry.expansions if e not in query.expansions)
    if covered and not any(query.accented):
        covered |= {i for i, word in enumerate(query.folded) if word in ENGLISH_STOPWORDS}
    query.translated = covered
