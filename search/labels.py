"""English for the facet and status labels the index holds in Vietnamese (the national
systems' vocabulary), shown on the English search page. The names of fields and agencies come
from their `name_en`; the fixed vocabularies are translated through the catalogues, which
need their Vietnamese labels written out here to collect them."""

from django.utils.translation import gettext, gettext_noop

from portal.core.models import Agency, Field

VOCABULARY = [
    # Procedures: levels, audiences, online service, status.
    gettext_noop("Cấp trung ương"),
    gettext_noop("Cấp tỉnh"),
    gettext_noop("Cấp huyện"),
    gettext_noop("Cấp xã"),
    gettext_noop("Khu công nghiệp, khu kinh tế"),
    gettext_noop("Công dân"),
    gettext_noop("Doanh nghiệp, tổ chức"),
    gettext_noop("Dịch vụ công trực tuyến toàn trình"),
    gettext_noop("Dịch vụ công trực tuyến một phần"),
    gettext_noop("Chưa cung cấp trực tuyến"),
    gettext_noop("Đang có hiệu lực"),
    gettext_noop("Đã được sửa đổi, bổ sung"),
    gettext_noop("Đã bị bãi bỏ"),
    # Legal documents: validity.
    gettext_noop("Còn hiệu lực"),
    gettext_noop("Hết hiệu lực một phần"),
    gettext_noop("Hết hiệu lực toàn bộ"),
    gettext_noop("Chưa có hiệu lực"),
    gettext_noop("Không xác định"),
]
TRANSLATED_FACETS = {"level", "audience", "online_level", "status", "validity"}
NAMED_FACETS = {"field": Field, "agency": Agency, "issuer": Agency}


def english_names(model, names):
    """{Vietnamese name: English name} of taxonomy terms that have one."""
    return dict(
        model.objects.filter(name__in=set(names)).exclude(name_en="").values_list("name", "name_en")
    )


def translated(name, label, names):
    """(label, language) of a facet value for a page not in Vietnamese."""
    if name in TRANSLATED_FACETS:
        english = gettext(label)
        return (english, "en") if english != label else (label, "vi")
    if name in NAMED_FACETS and label in names.get(NAMED_FACETS[name], {}):
        return names[NAMED_FACETS[name]][label], "en"
    return label, "vi"


def taxonomy_names(labels_by_facet):
    """{model: {Vietnamese: English}} for the labels of the named facets."""
    found = {}
    for name, model in NAMED_FACETS.items():
        found.setdefault(model, {}).update(english_names(model, labels_by_facet.get(name, [])))
    return found
