"""`GET /api/disclosures/`: the list of information the request's site must disclose, with
where each item is published on it and when it last changed (the same list as the section
`/tiep-can-thong-tin/`)."""

from datetime import datetime

from ninja import Field, Router, Schema

from .sources import disclosure_list

PREFIX = "disclosures/"
router = Router(tags=["disclosures"])


class DisclosureOut(Schema):
    key: str
    title: str
    basis: str = Field(description="The article of law that requires it.")
    url: str | None = Field(description="Where this site publishes it; null: not published.")
    updated: datetime | None = Field(description="Its last change on this site.")
    published: bool
    deadline_days: int = Field(description="Working days from its creation to be published.")
    late: int = Field(description="How many of its pieces were published after that deadline.")


@router.get("", response=list[DisclosureOut], summary="Information this site must disclose")
def disclosures(request):
    return [
        DisclosureOut(
            **{**item, "url": item["url"] and request.build_absolute_uri(item["url"])},
            published=bool(item["url"]),
        )
        for item in disclosure_list(request)
    ]
