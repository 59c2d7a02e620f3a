"""Numbers as each language writes them: 1.602 and 98,5% in Vietnamese, 1,602 and 98.5% in
English; a rate without a denominator is a dash ("no data"), never 0%."""

from django.utils.translation import get_language

NO_DATA = "—"
SWAPPED = str.maketrans(",.", ".,")


def _vietnamese():
    return (get_language() or "vi").startswith("vi")


def number(value):
    if value is None:
        return NO_DATA
    text = f"{value:,.1f}" if isinstance(value, float) else f"{value:,}"
    return text.translate(SWAPPED) if _vietnamese() else text


def rate(value):
    if value is None:
        return NO_DATA
    text = f"{value:.1f}%"
    return text.replace(".", ",") if _vietnamese() else text
