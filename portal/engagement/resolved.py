"""Resolved reports, published anonymised: what, where (province, commune and a point rounded
to about a kilometre) and when, with the public note of the resolution. Never the description,
the address, photos or who sent it; never a report staff marked not to be published.

The map is an inline SVG drawn by the server over Viet Nam's extent: no tile service, no
JavaScript, works offline; the list beside it says the same for those who cannot see it."""

from decimal import ROUND_HALF_UP, Decimal

from .choices import ReportStatus
from .models import Report

# Viet Nam's extent (with its islands), in degrees, and the SVG's size in its own units.
NORTH, SOUTH, WEST, EAST = 23.5, 8.0, 102.0, 117.5
WIDTH, HEIGHT = 310, 310
PRECISION = Decimal("0.01")  # about 1 km


def published():
    return (
        Report.objects.filter(status=ReportStatus.RESOLVED, publishable=True)
        .order_by("-closed_at", "-pk")
        .prefetch_related("status_changes")
    )


def _rounded(value):
    return None if value is None else value.quantize(PRECISION, rounding=ROUND_HALF_UP)


def row(report):
    steps = list(report.history())
    latitude, longitude = _rounded(report.latitude), _rounded(report.longitude)
    return {
        "category": report.get_category_display(),
        "province": report.province,
        "commune": report.commune,
        "resolved": report.closed_at,
        "note": steps[-1].note if steps else "",
        "latitude": latitude,
        "longitude": longitude,
        "point": _point(latitude, longitude),
    }


def _point(latitude, longitude):
    if latitude is None or longitude is None:
        return None
    lat, lon = float(latitude), float(longitude)
    if not (SOUTH <= lat <= NORTH and WEST <= lon <= EAST):
        return None
    return {
        "x": round((lon - WEST) / (EAST - WEST) * WIDTH, 1),
        "y": round((NORTH - lat) / (NORTH - SOUTH) * HEIGHT, 1),
    }
