from .news_page import NewsPage, NewsPageTag, NewsRelatedItem, NewsTag
from .sections import LatestNewsPage, NewsIndexPage

__all__ = [
    "LatestNewsPage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "NewsRelatedItem",
    "NewsTag",
]
