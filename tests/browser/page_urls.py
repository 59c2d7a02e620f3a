"""Print, as JSON, one URL per public page type found in the portal's database.

Run by the browser tests in the portal's environment (`python -m tests.browser.page_urls`):
page types whose app is not installed, or that have no demo page, are simply absent.
"""

import json

import django

# (name, app label, model name): the page types the browser tests visit when they exist.
PAGE_MODELS = [
    ("news-section", "news", "NewsIndexPage"),
    ("news-item", "news", "NewsPage"),
    ("latest-news", "news", "LatestNewsPage"),
    ("legal-listing", "legal", "LegalDocumentIndexPage"),
    ("legal-detail", "legal", "LegalDocumentPage"),
    ("procedure-listing", "procedures", "ProcedureIndexPage"),
    ("procedure-detail", "procedures", "ProcedurePage"),
    ("special-topic", "topics", "SpecialTopicPage"),
    ("leader", "topics", "LeaderPage"),
    ("organisation", "organisation", "OrganisationPage"),
]


def page_urls():
    from django.apps import apps

    urls = {}
    for name, app_label, model_name in PAGE_MODELS:
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        for language in ("vi", "en"):
            page = (
                model.objects.live()
                .public()
                .filter(locale__language_code=language)
                .order_by("path")
                .first()
            )
            if page is not None:
                # The path alone: with several agency sites Wagtail writes absolute URLs.
                urls[f"{name}-{language}"] = page.get_url_parts()[2]
    compared = _compared_procedure()
    if compared is not None:
        urls["procedure-comparison-vi"] = compared.get_url_parts()[2] + "so-sanh/"
    for language in ("vi", "en"):
        if f"procedure-detail-{language}" in urls:
            urls[f"procedure-print-{language}"] = urls[f"procedure-detail-{language}"] + "?print=1"
    return urls


def _compared_procedure():
    """A national procedure that provinces carry out: its comparison table of the provinces."""
    from django.apps import apps

    try:
        model = apps.get_model("procedures", "ProcedurePage")
    except LookupError:
        return None
    return (
        model.objects.live()
        .public()
        .filter(local_implementations__isnull=False)
        .order_by("path")
        .first()
    )


if __name__ == "__main__":
    django.setup()
    print(json.dumps(page_urls()))
