"""What can be followed, checked before anything is stored, and whether a changed page matches.

Every followed thing but one page is a query in the search parameters of DESIGN §4 (`q`, `kind`,
the facet filters, `date_from`, `date_to`): a news section is `kind=news&section=…`, a legal
query `kind=legal&doc_type=…&issuer=…&field=…&validity=…` (the legal listing's filters), a saved
search the parameters of its /tim-kiem/ address. A change matches a query when the page, as the
search index holds it, meets every filter and holds every word of `q` as typed (marks optional
only where none were typed), and the search page shows it first for `q` (alerts.relevance).
"""

import hashlib
import json
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.http import QueryDict
from django.utils.translation import gettext as _

from portal.core.text import fold
from portal.core.visibility import visible
from search.analysis import tokenize
from search.api import run_search
from search.collect import documents_of_pages
from search.documents import KINDS, SHARED
from search.params import BadParameter, parse_search_params
from search.requests import FACETS

from .models import Subscription

Kind = Subscription.Kind
# Parameters of a search address that do not change what is found.
IGNORED = {"page", "page_size", "sort"}
KNOWN = {"q", "kind", "date_from", "date_to", *FACETS} | IGNORED
LEGAL_FILTERS = ("doc_type", "issuer", "field", "validity")
FOLLOWABLE_PAGE_KINDS = ("procedure", "legal", "draft")
SEARCH_PATHS = ("/tim-kiem/", "/en/search/")


class NotFollowable(ValueError):
    """What was asked cannot be followed; `field` names the input, the message says why."""

    def __init__(self, field, message):
        self.field = field
        super().__init__(message)


@dataclass
class Target:
    kind: str
    query: dict  # search parameters, or {"page": id}
    label: str

    @property
    def key(self):
        return query_key(self.query)


def query_key(query):
    text = json.dumps(query, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:40]


def target_from(kind, *, section="", filters=None, url="", page=None, topic="", site=None):
    """The Target these inputs name, or NotFollowable. On a provincial department's site
    (`site`), what it shows: its own pages and the national shared ones."""
    target = _target(kind, section, filters, url, page, topic, site)
    if site is not None and not site.is_default_site and "page" not in target.query:
        target.query["scope"] = [str(site.pk), SHARED]
    return target


def _target(kind, section, filters, url, page, topic, site):
    if kind == Kind.SECTION:
        if not section:
            raise NotFollowable("section", _("Hãy chọn một chuyên mục tin."))
        return _query_target(kind, {"kind": ["news"], "section": [section]})
    if kind == Kind.TOPIC:
        if not topic:
            raise NotFollowable("topic", _("Hãy chọn một chủ đề."))
        return _query_target(kind, {"kind": ["news"], "tag": [topic]})
    if kind == Kind.LEGAL:
        filters = filters or {}
        unknown = sorted(set(filters) - {*LEGAL_FILTERS, "q"})
        if unknown:
            raise NotFollowable(
                unknown[0], _("Không có bộ lọc %(name)s cho văn bản.") % {"name": unknown[0]}
            )
        query = {"kind": ["legal"]}
        for name, values in filters.items():
            values = [values] if isinstance(values, str) else list(values)
            if name == "q":
                query["q"] = " ".join(values).strip()
            elif values:
                query[name] = values
        return _query_target(kind, query)
    if kind == Kind.SEARCH:
        return _query_target(kind, _search_address(url))
    if kind == Kind.PAGE:
        return _page_target(page, site)
    raise NotFollowable("kind", _("Chỉ theo dõi được: section, topic, legal, search, page."))


def _search_address(url):
    parts = urlsplit(url or "")
    if parts.path not in SEARCH_PATHS:
        raise NotFollowable("url", _("Địa chỉ phải là một trang tìm kiếm (/tim-kiem/?q=…)."))
    params = QueryDict(parts.query)
    unknown = sorted(set(params) - KNOWN)
    if unknown:
        raise NotFollowable(
            unknown[0], _("Không có bộ lọc tìm kiếm %(name)s.") % {"name": unknown[0]}
        )
    try:
        request = parse_search_params(params)
    except BadParameter as problem:
        raise NotFollowable("url", str(problem)) from None
    query = {name: sorted(values) for name, values in request.filters.items()}
    if request.kinds:
        query["kind"] = sorted(request.kinds)
    if request.text.strip():
        query["q"] = request.text.strip()
    for name in ("date_from", "date_to"):
        if getattr(request, name):
            query[name] = getattr(request, name).isoformat()
    if not query:
        raise NotFollowable("url", _("Tìm kiếm này chưa có từ khóa hay bộ lọc nào."))
    return query


def _facets(kinds):
    """{facet name: {value: label}} of the public content of these kinds, or None when the
    search cannot answer."""
    params = QueryDict(mutable=True)
    # Every kind named when none is: a search with neither words nor filter is an empty one.
    params.setlist("kind", kinds or list(KINDS))
    status, _body, result = run_search(params)
    if status != 200:
        return None
    return {name: {c.value: c.label for c in counts} for name, counts in result.facets.items()}


def news_choices():
    """(value, label) of the news sections and of the topics (news tags) one can follow."""
    known = _facets(["news"]) or {}
    return {name: sorted(known.get(name, {}).items(), key=lambda c: c[1]) for name in FOLLOWED}


# What a citizen chooses on the form, by the search facet that holds it.
FOLLOWED = ("section", "tag")


def _query_target(kind, query):
    """Each filter value must be one the portal's content has (else it would never match)."""
    known = _facets(query.get("kind", []))
    if known is None:
        raise NotFollowable("request", _("Chưa kiểm tra được bộ lọc. Vui lòng thử lại sau."))
    labels = []
    for name, values in query.items():
        if name not in FACETS or name == "kind":
            continue
        for value in values:
            if value not in known.get(name, {}):
                raise NotFollowable(
                    name, _("Không có %(name)s “%(value)s”.") % {"name": name, "value": value}
                )
            labels.append(known[name][value])
    if query.get("q"):
        labels.insert(0, f"“{query['q']}”")
    heading = Kind(kind).label
    return Target(kind, query, f"{heading}: {' · '.join(labels)}" if labels else str(heading))


def _page_target(page_id, site=None):
    from wagtail.models import Page

    try:
        page_id = int(page_id)
    except (TypeError, ValueError):
        raise NotFollowable("page", _("Hãy cho biết mã trang cần theo dõi.")) from None
    page = visible(Page.objects.filter(pk=page_id), site=site).first()
    documents = [doc for doc in documents_of_pages([page_id]) if not doc.article]
    if page is None or not documents or documents[0].kind not in FOLLOWABLE_PAGE_KINDS:
        raise NotFollowable("page", _("Chỉ theo dõi được một thủ tục hoặc một văn bản đã đăng."))
    return Target(Kind.PAGE, {"page": page_id}, documents[0].title[:300])


def matches(query, doc):
    """Whether the search document `doc` (an entry of a changed page) meets the query."""
    if "page" in query:
        return doc.page_id == query["page"]
    if query.get("scope") and doc.site not in query["scope"] and not doc.shared:
        return False
    if query.get("kind") and doc.kind not in query["kind"]:
        return False
    if query.get("language") and doc.language not in query["language"]:
        return False
    for name, selected in query.items():
        if name in FACETS and name not in ("kind", "language"):
            values = {value for value, _label in doc.facets.get(name, [])}
            if not values & set(selected):
                return False
    if query.get("date_from") and (not doc.date or doc.date.isoformat() < query["date_from"]):
        return False
    if query.get("date_to") and (not doc.date or doc.date.isoformat() > query["date_to"]):
        return False
    if query.get("q"):
        return holds_words(
            query["q"], " ".join([doc.title, doc.summary, doc.body, *doc.identifiers])
        )
    return True


def holds_words(typed, text):
    """Whether `text` holds every word of `typed` as typed: a word typed with its marks only
    with those marks ("hô" is not "hộ"), a word typed without marks with any ("san": "sản")."""
    written = set(tokenize(text))
    folded = {fold(word) for word in written}
    return all(
        word in written if word != fold(word) else word in folded for word in tokenize(typed)
    )
