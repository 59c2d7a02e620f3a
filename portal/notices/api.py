"""`GET /api/notices/`: the planned downtime the request's site announces, under way or to
come, for apps and partner portals to show their users."""

from datetime import datetime

from ninja import Field, Router, Schema

from .current import notices_for

PREFIX = "notices/"
router = Router(tags=["notices"])


class NoticeOut(Schema):
    message: str
    starts_at: datetime
    ends_at: datetime = Field(description="Expected end.")
    services_kept: str = Field(description="Essential services that keep working.")
    under_way: bool


@router.get("", response=list[NoticeOut], summary="Planned maintenance of this site")
def notices(request):
    return [
        NoticeOut(
            message=notice.message,
            starts_at=notice.starts_at,
            ends_at=notice.ends_at,
            services_kept=notice.services_kept,
            under_way=notice.is_under_way,
        )
        for notice in notices_for(request)
    ]
