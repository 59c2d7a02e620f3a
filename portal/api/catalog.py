"""`GET /api/catalog/`: the open datasets this site offers, as a DCAT catalogue (W3C DCAT 2 in
JSON-LD) that national data portals harvest (Decree 224/2026/NĐ-CP Art. 11(5), metadata for
search and sharing).

The API layer imports no content app: each app contributes its datasets through the Wagtail
hook `register_open_datasets`, a function of the request returning `dataset(...)` entries. Every
address is the request's own site, so a province's catalogue stays on the province's host."""

from ninja import Router

from django.utils.translation import override

from wagtail import hooks

from portal.core.models import AgencySettings
from portal.core.sites import request_site

from .caching import content_last_modified

HOOK = "register_open_datasets"
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
}
MEDIA_TYPES = {"json": "application/json", "atom": "application/atom+xml"}

router = Router(tags=["catalog"])


def dataset(key, title, description, keywords, api_path, feed_path=None):
    """One dataset: its JSON API and, when it has one, its Atom feed of changes."""
    distributions = [("json", api_path)] + ([("atom", feed_path)] if feed_path else [])
    return {
        "key": key,
        "title": str(title),
        "description": str(description),
        "keywords": [str(word) for word in keywords],
        "distributions": distributions,
    }


@router.get("", response=dict, summary="DCAT catalogue of this site's open datasets")
def catalog(request):
    site = request_site(request)
    agency = AgencySettings.for_site(site).name_for("vi") if site else ""
    publisher = {"@type": "foaf:Organization", "foaf:name": agency}
    modified = content_last_modified()
    with override("vi"):
        found = [entry for contribute in hooks.get_hooks(HOOK) for entry in contribute(request)]
    datasets = [
        {
            "@id": request.build_absolute_uri(f"/api/catalog/#{entry['key']}"),
            "@type": "dcat:Dataset",
            "dct:identifier": entry["key"],
            "dct:title": {"@language": "vi", "@value": entry["title"]},
            "dct:description": {"@language": "vi", "@value": entry["description"]},
            "dcat:keyword": entry["keywords"],
            "dct:publisher": publisher,
            "dct:language": "vi",
            **({"dct:modified": modified.isoformat()} if modified else {}),
            "dcat:distribution": [
                {
                    "@type": "dcat:Distribution",
                    "dcat:accessURL": request.build_absolute_uri(path),
                    "dcat:mediaType": MEDIA_TYPES[kind],
                }
                for kind, path in entry["distributions"]
            ],
        }
        for entry in sorted(found, key=lambda entry: entry["key"])
    ]
    return {
        "@context": CONTEXT,
        "@id": request.build_absolute_uri("/api/catalog/"),
        "@type": "dcat:Catalog",
        "dct:title": {"@language": "vi", "@value": f"Dữ liệu mở – {agency}".strip(" –")},
        "dct:publisher": publisher,
        "dcat:dataset": datasets,
    }
