"""Local facts that came with national data. The national lists often carry one province's values
in a procedure carried out at provincial or commune level: where to apply and its address, the
implementing agency, a provincial competent authority ("Sở Nông nghiệp và Môi trường Hà Nội",
"Trung tâm Phục vụ hành chính công thành phố Hà Nội, số 258 Võ Chí Công…"), a fee set by a
provincial People's Council ("Nghị quyết số 06/2020/NQ-HĐND của HĐND thành phố Hà Nội"), a
processing time set by a province, an online-service link on a province's own portal
("dichvucong.hanoi.gov.vn") and a province's own forms. Those are never national values: the
importer takes them out of the national record and files them as that province's implementation
(portal/procedures/local_importing.py); a province without a site yet is listed in the run's
report."""

import re
import unicodedata
from urllib.parse import urlsplit

from portal.core.provinces import PROVINCES
from portal.core.text import fold

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


# The host labels of a province's own online-service portal (dichvucong.hanoi.gov.vn).
_HOST_LABELS = {province: {fold(province).lower().replace(" ", "")} for province in PROVINCES} | {
    "Thành phố Hồ Chí Minh": {"hochiminh", "hcm", "tphcm", "hcmc"}
}


def named_province(text):
    """The province whose body the text names, or None."""
    text = unicodedata.normalize("NFC", text or "")
    for province, pattern in _NAMED.items():
        if pattern.search(text):
            return province
    return None


def url_province(url):
    """The province whose own online-service portal the address is on, or None."""
    labels = set((urlsplit(url or "").hostname or "").split("."))
    for province, names in _HOST_LABELS.items():
        if labels & names:
            return province
    return None


def _channel_parts(channel):
    """{province: {part: value}} of a channel's fees, time and online address that are one
    province's (a fee amount goes with its fees)."""
    found = {}
    if province := named_province(channel.fees):
        found.setdefault(province, {}).update(fees=channel.fees, fee_amount=channel.fee_amount)
    if province := named_province(channel.time):
        found.setdefault(province, {})["time"] = channel.time
    if province := url_province(channel.url):
        found.setdefault(province, {})["url"] = channel.url
    return found


def _local_form(item):
    """The province whose own form (mẫu) a dossier item names, or None."""
    return named_province(item.name) or named_province(item.case)


def local_values(record):
    """{province: {field: value}} of the record's values that are one province's, for a national
    procedure carried out at provincial or commune level; {} otherwise. `channels` and `dossier`
    hold the province's parts of the line's channels and its own forms."""
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
    for channel in record.channels:
        for province, parts in _channel_parts(channel).items():
            local = {"method": channel.method, **parts}
            found.setdefault(province, {}).setdefault("channels", []).append(local)
    for item in record.dossier:
        if province := _local_form(item):
            found.setdefault(province, {}).setdefault("dossier", []).append(item.model_dump())
    return found


def national_part(record, moved):
    """The record without the values moved to provinces (blank: the national page holds none)."""
    fields = {field for values in moved.values() for field in values}
    update = {field: "" for field in fields - {"channels", "dossier"}}
    if "agency" in fields:
        update["agencies"] = [name for name in record.agencies if named_province(name) is None]
    if "channels" in fields:
        update["channels"] = [_national_channel(channel) for channel in record.channels]
    if "dossier" in fields:
        update["dossier"] = [item for item in record.dossier if _local_form(item) is None]
    return record.model_copy(update=update)


def _national_channel(channel):
    parts = {part for values in _channel_parts(channel).values() for part in values}
    blank = {part: None if part == "fee_amount" else "" for part in parts}
    return channel.model_copy(update=blank)


def moved_fields(values):
    """The names a run's report gives the values moved to one province."""
    names = [field for field in values if field not in ("channels", "dossier")]
    for channel in values.get("channels", []):
        names += [
            {"url": "online_url"}.get(part, part)
            for part in ("fees", "time", "url")
            if part in channel
        ]
    if values.get("dossier"):
        names.append("forms")
    return list(dict.fromkeys(names))
