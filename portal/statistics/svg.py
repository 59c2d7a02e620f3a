"""Bar charts as SVG drawn on the server: each chart is an image with a title and a description
for screen readers, every bar has its value as a tooltip, and the same numbers stand in a table
beside it."""

from django.utils.html import format_html, format_html_join

WIDTH = 640
BAR = 22
GAP = 8
LABEL = 210


def horizontal_bars(chart_id, title, items, maximum=100.0):
    """items: [(label, value or None, shown text)] drawn as bars from the left, on a scale
    from 0 to `maximum` (a rate: 100 %); a bar never runs past the scale, so it and its value
    stay inside the chart."""
    height = max(1, len(items)) * (BAR + GAP) + GAP
    scale = (WIDTH - LABEL - 70) / maximum if maximum else 0
    bars = []
    for index, (label, value, shown) in enumerate(items):
        y = GAP + index * (BAR + GAP)
        length = min(max(0.0, (value or 0) * scale), WIDTH - LABEL - 70)
        bars.append(
            format_html(
                "<g><title>{label}: {shown}</title>"
                '<text x="{text_x}" y="{text_y}" text-anchor="end" class="chart-label">'
                "{short}</text>"
                '<rect x="{x}" y="{y}" width="{width}" height="{bar}" class="chart-bar"></rect>'
                '<text x="{value_x}" y="{text_y}" class="chart-value">{shown}</text></g>',
                label=label,
                shown=shown,
                short=label if len(label) <= 32 else label[:31] + "…",
                text_x=LABEL - 6,
                text_y=y + BAR - 6,
                x=LABEL,
                y=y,
                width=f"{length:.1f}",
                bar=BAR,
                value_x=f"{LABEL + length + 4:.1f}",
            )
        )
    return _svg(chart_id, title, height, bars)


def vertical_bars(chart_id, title, items):
    """items: [(label, value, shown text)] drawn as columns, for a trend over months."""
    height = 220
    plot = height - 40
    maximum = max((value or 0 for _label, value, _shown in items), default=0) or 1
    step = WIDTH / max(1, len(items))
    bars = []
    for index, (label, value, shown) in enumerate(items):
        size = (value or 0) / maximum * (plot - 10)
        x = index * step + step * 0.15
        bars.append(
            format_html(
                "<g><title>{label}: {shown}</title>"
                '<rect x="{x}" y="{y}" width="{width}" height="{size}" '
                'class="chart-bar"></rect>'
                '<text x="{middle}" y="{label_y}" text-anchor="middle" class="chart-label">'
                "{short}</text></g>",
                label=label,
                shown=shown,
                x=f"{x:.1f}",
                y=f"{plot - size:.1f}",
                width=f"{step * 0.7:.1f}",
                size=f"{size:.1f}",
                middle=f"{x + step * 0.35:.1f}",
                label_y=plot + 16,
                short=label[:2] if len(items) > 12 else label,
            )
        )
    return _svg(chart_id, title, height, bars)


def _svg(chart_id, title, height, parts):
    return format_html(
        '<svg class="chart" role="img" aria-labelledby="{id}-title" viewBox="0 0 {width} {height}" '
        'width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title>{parts}</svg>',
        id=chart_id,
        width=WIDTH,
        height=height,
        title=title,
        parts=format_html_join("", "{}", ((part,) for part in parts)),
    )
