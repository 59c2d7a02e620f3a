from .calendar import PublicHoliday
from .events import ConsumerState, ContentEvent, ImportRun
from .mixins import ListingMixin, SocialMixin
from .pages import BasePage, HomePage
from .site_settings import AgencySettings
from .taxonomy import Agency, Field, Topic

__all__ = [
    "Agency",
    "AgencySettings",
    "BasePage",
    "ConsumerState",
    "ContentEvent",
    "Field",
    "HomePage",
    "ImportRun",
    "ListingMixin",
    "PublicHoliday",
    "SocialMixin",
    "Topic",
]
