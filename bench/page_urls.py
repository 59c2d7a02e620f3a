"""Prints, as JSON, one path per page type of the default site (run with the target's settings):
the pages the throughput step measures."""

import json

import django


def main():
    django.setup()
    from wagtail.models import Site

    from portal.legal.models import LegalDocumentIndexPage, LegalDocumentPage
    from portal.news.models import NewsIndexPage, NewsPage
    from portal.procedures.models import ProcedureIndexPage, ProcedurePage

    site = Site.objects.get(is_default_site=True)
    types = {
        "news_item": NewsPage,
        "news_listing": NewsIndexPage,
        "procedure": ProcedurePage,
        "procedure_index": ProcedureIndexPage,
        "legal": LegalDocumentPage,
        "legal_index": LegalDocumentIndexPage,
    }
    paths = {"home": "/"}
    for name, model in types.items():
        page = (
            model.objects.live()
            .descendant_of(site.root_page)
            .filter(locale__language_code="vi")
            .order_by("path")
            .first()
        )
        if page is not None:
            paths[name] = page.get_url_parts()[2]
    paths["search"] = "/tim-kiem/?q=dang+ky+tam+tru"
    print(json.dumps(paths))


if __name__ == "__main__":
    main()
