from .mixins import ListingMixin, SocialMixin
from .pages import BasePage, HomePage
from .site_settings import AgencySettings
from .taxonomy import Agency, Field, Topic

__all__ = [
    "Agency",
    "AgencySettings",
    "BasePage",
    "Field",
    "HomePage",
    "ListingMixin",
    "SocialMixin",
    "Topic",
]
