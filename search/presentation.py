"""What the search page shows of a result, beyond the API's answer: result cards that say what
each hit is (type, status, agency or issuer, date), the active filters as removable chips, the
facet groups worth showing, and whether a number the user looked up matches nothing exactly.

Read-only use of the search package: the hits' metadata (facet labels) and the number look-up
parser (search.lookup); nothing here changes what is found or its order.
"""

from django.apps import apps

from portal.core.templatetags.theme_tags import BADGE_TONES

from . import labels
from .lookup import number_lookup, number_parts


def _status_tones():
    """Status and validity labels (what hits carry) -> badge tone."""
    tones = {}
    for app_label, module, name in (
        ("procedures", "portal.procedures.models.choices", "Status"),
        ("legal", "portal.legal.models.choices", "Validity"),
    ):
        if not apps.is_installed(f"portal.{app_label}"):
            continue
        choices = getattr(__import__(module, fromlist=[name]), name)
        for value, label in choices.choices:
            tones[label] = BADGE_TONES.get(value, "neutral")
    return tones


def _first(metadata, name):
    values = metadata.get(name) or []
    return values[0] if values else ""


def cards(hits, language="vi"):
    """One dict per hit for the result list template (labels translated where they can be)."""
    tones = _status_tones()
    names = {}
    if language != "vi":
        names = labels.taxonomy_names(
            {
                "agency": [_first(hit.metadata or {}, "agency") for hit in hits],
                "issuer": [_first(hit.metadata or {}, "issuer") for hit in hits],
            }
        )
    found = []
    for hit in hits:
        metadata = hit.metadata or {}
        status = _first(metadata, "status") or _first(metadata, "validity")
        agency = _first(metadata, "agency") or _first(metadata, "issuer")
        status_label, status_language = status, "vi"
        agency_label, agency_language = agency, "vi"
        if language != "vi":
            status_label, status_language = labels.translated("status", status, names)
            agency_label, agency_language = labels.translated("agency", agency, names)
        found.append(
            {
                "kind": hit.kind,
                "id": hit.id,
                "title": hit.title,
                "url": hit.url,
                "snippet": hit.snippet,
                "article": hit.article,
                "date": hit.date,
                "doc_type": _first(metadata, "doc_type"),
                "status": status_label,
                "status_lang": status_language,
                "tone": tones.get(status, "neutral"),
                "agency": agency_label,
                "agency_lang": agency_language,
                "section": _first(metadata, "section"),
                "language": _first(metadata, "language"),
                "recommended": hit.recommended,
            }
        )
    return found


def missing_number(query, hits):
    """The document number the query looks up when no hit bears it, else "".

    "qd 2598" when no document is numbered 2598: the hits are loose matches, and the page says
    so plainly. A document bearing the number always ranks first, so the first page tells."""
    lookup = number_lookup(query)
    if lookup is None:
        return ""
    for hit in hits:
        if hit.kind != "legal":
            continue
        parts = number_parts(hit.id)
        same_year = not lookup.year or (parts and parts.year == lookup.year)
        if parts and parts.digits == lookup.digits and same_year:
            return ""
    return f"{lookup.digits}/{lookup.year}" if lookup.year else lookup.digits


def facet_groups(facets, headings, selected, language="vi"):
    """Facet groups that have something to choose (or something chosen), each with its
    selected values; empty groups are left out. Each value has the language of its label:
    on a page in another language, labels with a translation are given in it."""
    names = {}
    if language != "vi":
        names = labels.taxonomy_names(
            {name: [count.label for count in counts] for name, counts in facets.items()}
        )
    groups = []
    for name, counts in facets.items():
        chosen = selected.get(name, [])
        counts = [count for count in counts if count.count or count.value in chosen]
        if not counts:
            continue
        values = []
        for count in counts:
            label, label_language = count.label, "vi"
            if language != "vi":
                label, label_language = labels.translated(name, count.label, names)
            values.append(
                {"value": count.value, "label": label, "count": count.count, "lang": label_language}
            )
        groups.append(
            {"name": name, "heading": headings[name], "counts": values, "selected": chosen}
        )
    return groups


def chips(params, groups):
    """Active filters as links that remove them: [{"label", "heading", "url"}]."""
    found = []
    for group in groups:
        names = {count["value"]: count["label"] for count in group["counts"]}
        for value in group["selected"]:
            remaining = params.copy()
            remaining.setlist(group["name"], [v for v in group["selected"] if v != value])
            remaining.pop("page", None)
            found.append(
                {
                    "name": group["name"],
                    "value": value,
                    "label": names.get(value, value),
                    "lang": next((c["lang"] for c in group["counts"] if c["value"] == value), "vi"),
                    "url": "?" + remaining.urlencode(),
                }
            )
    return found
