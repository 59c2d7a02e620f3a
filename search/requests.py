"""What a caller asks the engine and what it gets back: plain data, no engine types."""

import datetime
from dataclasses import dataclass, field

# Facet names of DESIGN §4, in display order, with their Vietnamese headings.
FACETS = {
    "kind": "Loại nội dung",
    "field": "Lĩnh vực",
    "level": "Cấp thực hiện",
    "audience": "Đối tượng",
    "agency": "Cơ quan thực hiện",
    "online_level": "Mức độ dịch vụ công",
    "status": "Tình trạng",
    "doc_type": "Loại văn bản",
    "issuer": "Cơ quan ban hành",
    "validity": "Hiệu lực",
    "year": "Năm ban hành",
    "section": "Chuyên mục",
    "tag": "Thẻ",
    "language": "Ngôn ngữ",
    # The agency whose site the entry belongs to (search.sites): the ministry's cross-site view.
    "site": "Cơ quan, địa phương",
}
LANGUAGE_LABELS = {"vi": "Tiếng Việt", "en": "English"}
KIND_LABELS = {
    "procedure": "Thủ tục hành chính",
    "legal": "Văn bản pháp luật",
    "news": "Tin tức",
    "question": "Hỏi đáp",
    "draft": "Dự thảo lấy ý kiến",
}
SORTS = ("relevance", "newest")
MAX_PAGE_SIZE = 50
MAX_QUERY_LENGTH = 500


@dataclass
class SearchRequest:
    text: str = ""
    kinds: list[str] = field(default_factory=list)
    filters: dict[str, list[str]] = field(default_factory=dict)  # facet name -> selected values
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    sort: str = "relevance"
    page: int = 1
    page_size: int = 10
    # The agency sites searched (search.sites.request_scope): entries whose `site` field is one
    # of these; empty searches every site (the ministry's view).
    sites: list[str] = field(default_factory=list)

    @property
    def offset(self):
        return (self.page - 1) * self.page_size

    def all_filters(self):
        """Filters including kinds, which behave as the `kind` facet."""
        filters = {name: values for name, values in self.filters.items() if values}
        if self.kinds:
            filters["kind"] = list(self.kinds)
        return filters


@dataclass
class Hit:
    kind: str
    id: str
    title: str
    url: str
    snippet: str = ""
    article: str | None = None
    date: datetime.date | None = None
    score: float = 0.0
    metadata: dict[str, list[str]] = field(default_factory=dict)  # facet name -> labels
    snippet_sources: list[str] = field(default_factory=list, repr=False)  # texts to cut from
    recommended: bool = False  # pinned by an editor to this query (search.promotions)


@dataclass
class FacetCount:
    value: str
    label: str
    count: int


@dataclass
class SearchResult:
    total: int
    hits: list[Hit]
    facets: dict[str, list[FacetCount]]
    suggestion: str | None = None
    took_ms: float = 0.0


@dataclass
class Suggestion:
    kind: str
    id: str
    title: str
    url: str
