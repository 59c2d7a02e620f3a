"""A national data portal harvests each site's open datasets from /api/catalog/ (DCAT in
JSON-LD): every dataset names its publisher and leads to an endpoint that answers, on the site's
own address."""

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.django_db

HANOI = "hanoi.localhost"


def test_a_provincial_catalogue_lists_its_datasets_at_its_own_address(client, make_agency_site):
    make_agency_site(HANOI, "Hà Nội")

    catalogue = client.get("/api/catalog/", HTTP_HOST=HANOI).json()

    assert catalogue["@type"] == "dcat:Catalog"
    assert catalogue["dct:publisher"]["foaf:name"] == "Sở Nông nghiệp và Môi trường Hà Nội"
    datasets = {entry["dct:identifier"]: entry for entry in catalogue["dcat:dataset"]}
    assert {"procedures", "legal", "news", "statistics"} <= set(datasets)
    for key, entry in datasets.items():
        assert entry["dct:title"]["@value"], key
        assert entry["dct:publisher"] == catalogue["dct:publisher"], key
        for distribution in entry["dcat:distribution"]:
            address = urlsplit(distribution["dcat:accessURL"])
            assert address.netloc == HANOI, distribution
            answered = client.get(address.path, HTTP_HOST=HANOI)
            assert answered.status_code == 200, distribution
            assert answered["Content-Type"].startswith(distribution["dcat:mediaType"]), distribution
