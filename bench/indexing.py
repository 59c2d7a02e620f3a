"""Build the portal's embedded index and Wagtail's database search index over the same pages."""

from .environment import WORK


def directory_size_mb(path):
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file()) / 1e6


def run(target, log):
    log(f"[{target.name}] search_index rebuild")
    portal = target.manage("search_index", "rebuild")
    log(f"[{target.name}] wagtail update_index")
    wagtail = target.manage("update_index")
    counts = target_counts(target)
    return {
        "database": target.name,
        "portal_rebuild_seconds": round(portal.seconds, 1),
        "portal_rebuild_peak_rss_mb": round(portal.peak_rss_mb),
        "entries": counts["entries"],
        "articles": counts["articles"],
        "articles_per_second": round(counts["articles"] / portal.seconds)
        if portal.seconds
        else None,
        "index_size_mb": round(directory_size_mb(WORK / target.name / "index"), 1),
        "wagtail_update_index_seconds": round(wagtail.seconds, 1),
    }


def target_counts(target):
    import json
    import subprocess
    import sys

    from .environment import REPO

    script = (
        "import json, django; django.setup(); from django.apps import apps; "
        "Article = apps.get_model('legal', 'LegalArticle'); from wagtail.models import Page; "
        "print(json.dumps({'articles': Article.objects.count(), "
        "'entries': Page.objects.live().count() + Article.objects.count()}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, env=target.env(), capture_output=True, text=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])
