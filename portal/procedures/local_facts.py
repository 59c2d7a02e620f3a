"""Local facts that came with national data. The national lists often carry one province's values
in a procedure carried out at provincial or commune level: where to apply and its address, the
implementing agency, a provincial competent authority ("Sở Nông nghiệp và Môi trường Hà Nội",
"Trung tâm Phục vụ hành chính công thành phố Hà Nội, số 258 Võ Chí Công…"). Those are never
national values: the importer takes them out of the national record and files them as that
province's implementation (portal/procedures/local_importing.py); a province without a site yet
is listed in the run's report."""

import re
import unicodedata

from portal.core.provinces import PROVINCES

from .models import Level

LOCAL_LEVELS = {Level.PROVINCE, Level.DISTRICT, Level.COMMUNE}
LOCAL_FIELDS = ("agency", "competent_agency", "receiving_agency", "receiving_address")
# Bodies of a province: a value naming one of them with a province's name is that province's.
PROVINCIAL_BODIES = (
    "Sở",
    "Ủy ban nhân dân",
    "UBND",
    "Hội đồng nhân dân",
    "HĐND",
    "Văn phòng đăng ký đất đai",
    "Trung tâm Phục vụ hành chính công",
    "Bộ phận Một cửa cấp tỉnh",
    "Công an tỉnh",
    "Công an thành phố",
)
_NAMED = {
    province: re.compile(
        r"\b(?:"
        + "|".join(re.escape(body) for body in PROVINCIAL_BODIES)
        + r")\b[^,;.]*?\b"
        + re.escape(province)
        + r"\b"
    )
    for province in PROVINCES
}


def named_province(text):
    """The province whose body the text names, or None."""
    text = unicodedata.normalize("NFC", text or "")
    for province, pattern in _NAMED.items():
        if pattern.search(text):
            return province
    return None


def local_values(record):
    """{province: {field: value}} of the record's values that are one province's, for a national
    procedure carried out at provincial or commune level; {} otherwise."""
    if not LOCAL_LEVELS & set(record.levels):
        return {}
    found = {}
    for field in LOCAL_FIELDS:
        value = getattr(record, field)
        province = named_province(value)
        if province is not None:
            found.setdefault(province, {})[field] = value
    if record.agencies:
        for name in record.agencies:
            province = named_province(name)
            if province is not None:
                found.setdefault(province, {}).setdefault("agency", name)
    return found


def national_part(record, moved):
    """The record without the values moved to provinces (blank: the national page holds none)."""
    fields = {field for values in moved.values() for field in values}
    update = {field: "" for field in fields}
    if "agency" in fields:
        update["agencies"] = [name for name in record.agencies if named_province(name) is None]
    return record.model_copy(update=update)
