""" "Did you mean": the closest known words to the query's unknown syllables."""


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


def closest(word: str, candidates) -> str | None:
    """The most frequent candidate within 1 edit (2 for words of 6+ letters)."""
    limit = 1 if len(word) < 6 else 2
    best = None
    for candidate, frequency in candidates:
        if candidate == word:
            return None
        distance = edit_distance(word, candidate, limit)
        if distance <= limit:
            rank = (distance, -frequency)
            if best is None or rank < best[0]:
                best = (rank, candidate)
    return best[1] if best else None


def correct(words, is_known, candidates_for) -> str | None:
    """The query with each unknown word replaced by its closest known word, if any changed."""
    corrected, changed = [], False
    for word in words:
        replacement = None if is_known(word) else closest(word, candidates_for(word))
        corrected.append(replacement or word)
        changed = changed or bool(replacement)
    return " ".join(corrected) if changed else None
