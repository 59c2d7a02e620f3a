""" "Did you mean": the closest known words to the query's unknown syllables, with their marks.

Both engines suggest in two steps. `corrections()` replaces each unknown folded word by the
closest folded title word. `suggestion()` then writes the query back: corrected words, and words
typed without marks, in their most frequent spelling in titles; words typed with marks as typed.
"""

import string

from portal.core.text import fold

# Onsets that regional pronunciations merge, so people write one for the other ("tạm chú" for
# "tạm trú", "sử lý" for "xử lý"): swapping one counts as a single edit.
CONFUSED_ONSETS = (("ch", "tr"), ("s", "x"), ("d", "gi"), ("d", "r"), ("gi", "r"), ("l", "n"))


# The letters a word can begin with, folded and as written: numbers are never corrected, and
# reading the title words letter by letter leaves out the many numbers titles hold.
FOLDED_INITIALS = string.ascii_lowercase
WRITTEN_INITIALS = "".join(
    sorted(
        {
            letter
            for letter in map(chr, [*range(0x61, 0x250), *range(0x1EA0, 0x1F00)])
            if letter.isalpha() and letter == letter.lower() and fold(letter) in FOLDED_INITIALS
        }
    )
)


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, stopping early once it exceeds `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def onset_variants(word: str) -> list[str]:
    """The folded word with its onset swapped for each one people confuse it with."""
    variants = []
    for first, second in CONFUSED_ONSETS:
        for onset, other in ((first, second), (second, first)):
            variant = other + word[len(onset) :]
            if word.startswith(onset) and len(word) > len(onset) and variant not in variants:
                variants.append(variant)
    return variants


def closest(word: str, candidates) -> str | None:
    """The most frequent candidate within 1 edit (2 for words of 6+ letters)."""
    limit = 1 if len(word) < 6 else 2
    typed = [(word, 0)] + [(variant, 1) for variant in onset_variants(word)]
    best = None
    for candidate, frequency in candidates:
        if candidate == word:
            return None
        distance = min(
            swaps + edit_distance(spelling, candidate, limit - swaps) for spelling, swaps in typed
        )
        if distance <= limit:
            rank = (distance, -frequency, candidate)
            if best is None or rank < best:
                best = rank
    return best[2] if best else None


def corrections(words, is_known, candidates_for) -> list[str | None]:
    """For each folded word, the closest known word when it is unknown and one is close."""
    return [
        None if is_known(word) or not word.isalpha() else closest(word, candidates_for(word))
        for word in words
    ]


def words_to_write(tokens, corrected) -> set[str]:
    """The folded words whose spelling in titles the suggestion needs."""
    return {
        replacement or token
        for token, replacement in zip(tokens, corrected, strict=True)
        if replacement or token == fold(token)
    }


def suggestion(tokens, corrected, written) -> str | None:
    """The query with its corrections, or None if nothing was corrected.

    `tokens` are the words as typed, `corrected` what `corrections()` returned for their folded
    forms, `written` maps a folded word to its spelling in titles."""
    if not any(corrected):
        return None
    words = []
    for token, replacement in zip(tokens, corrected, strict=True):
        if replacement:
            words.append(written.get(replacement, replacement))
        elif token == fold(token):  # typed without marks: the index knows which were meant
            words.append(written.get(token, token))
        else:
            words.append(token)
    return " ".join(words)


class Vocabulary:
    """An index's title words: each folded word with its document frequency, and the most
    frequent spelling as written of each."""

    def __init__(self, folded_terms, written_terms):
        self._by_initial = {}
        for term, frequency in filter(lambda item: item[0].isalpha(), folded_terms):
            self._by_initial.setdefault(term[:1], []).append((term, frequency))
        best = {}
        for term, frequency in filter(lambda item: item[0].isalpha(), written_terms):
            key = fold(term)
            if key not in best or (-frequency, term) < (-best[key][1], best[key][0]):
                best[key] = (term, frequency)
        self.written = {key: term for key, (term, _) in best.items()}

    @classmethod
    def read(cls, folded_terms, written_terms):
        """From the title fields' terms: each argument returns [(term, document frequency)] for a
        prefix, one for the folded field and one for the field as written."""
        return cls(
            [term for initial in FOLDED_INITIALS for term in folded_terms(initial)],
            [term for initial in WRITTEN_INITIALS for term in written_terms(initial)],
        )

    def candidates(self, word):
        """The folded title words that may be within reach of `word`: same first letter, or
        the first letter of a confused onset."""
        initials = dict.fromkeys([word[:1], *(variant[:1] for variant in onset_variants(word))])
        return [term for initial in initials for term in self._by_initial.get(initial, ())]
