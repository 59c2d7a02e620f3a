"""Tracking codes: a kind prefix and eight random characters, e.g. `HD-7K4M-2P9X`.

The alphabet (Crockford's base 32) has no I, L, O or U, so a code read over the phone is not
misheard, and one typed with O for 0 or I for 1 is still found; 32^8 codes make them impossible
to guess one by one.
"""

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
QUESTION = "HD"
REPORT = "PA"
INFORMATION_REQUEST = "YC"  # portal/information_requests
_BODY = r"([0-9A-HJKMNP-TV-Z]{4})([0-9A-HJKMNP-TV-Z]{4})$"
# What people type for what they read: spaces, dashes and dots anywhere; O for 0, I or L for 1.
_SEPARATORS = re.compile(r"[\s\-_.–—]+")
_MISREAD = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_code(prefix):
    body = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"{prefix}-{body[:4]}-{body[4:]}"


def normalise(text, prefixes=(QUESTION, REPORT)):
    """The code in its canonical form, or None when the text cannot be a code of one of
    `prefixes`. Read forgivingly: "hd 7k4m 2p9x", "HD7K4M-2P9X" and "HD-7K4M-2P9O" are all
    HD-7K4M-2P90."""
    compact = _SEPARATORS.sub("", (text or "").upper())
    pattern = re.compile(f"^({'|'.join(prefixes)}){_BODY}")
    match = pattern.match(compact[:2] + compact[2:].translate(_MISREAD))
    if match is None:
        return None
    prefix, first, second = match.groups()
    return f"{prefix}-{first}-{second}"


def unique_code(model, prefix):
    while True:
        code = new_code(prefix)
        if not model.objects.filter(code=code).exists():
            return code
