"""Realistic generated processing records, for the demo and the benchmark: each agency has its
own size, punctuality and share of online dossiers, each procedure its own volume, and the
months their season. The same seed gives the same records."""

import datetime
import random

from .months import add_months

MINISTRY = "Bộ Nông nghiệp và Môi trường"
PROVINCES = (
    "Hà Nội", "Thành phố Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế", "Quảng Ninh",
    "Lạng Sơn", "Cao Bằng", "Lai Châu", "Điện Biên", "Sơn La", "Lào Cai", "Tuyên Quang",
    "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Ninh Bình", "Thanh Hóa", "Nghệ An",
    "Hà Tĩnh", "Quảng Trị", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Đắk Lắk", "Lâm Đồng",
    "Đồng Nai", "Tây Ninh", "Vĩnh Long", "Đồng Tháp", "An Giang", "Cà Mau",
)  # fmt: skip
# Months of the year with more (Tết is quiet, the end of the year busy).
SEASON = (0.7, 0.8, 1.0, 1.0, 1.05, 1.0, 1.0, 1.05, 1.0, 1.05, 1.1, 1.2)


def agencies(count):
    """[(name, province)]: the ministry, then provincial departments."""
    chosen = [(MINISTRY, "")]
    chosen += [(f"Sở Nông nghiệp và Môi trường {name}", name) for name in PROVINCES]
    return chosen[:count]


def months(count, last=None):
    """The `count` months up to `last` (by default the month before this one), oldest first."""
    last = last or add_months(datetime.date.today().replace(day=1), -1)
    return [add_months(last, offset) for offset in range(1 - count, 1)]


def records(procedures, agency_list, month_list, seed=18):
    """Yield interchange lines (dicts) for every procedure × agency × month. `procedures` is
    [(code, weight)], a weight being roughly the dossiers per month at a mid-size agency."""
    rng = random.Random(seed)
    profiles = [
        (name, province, rng.uniform(0.4, 2.5), rng.uniform(0.93, 0.999), rng.uniform(0.3, 0.9))
        for name, province in agency_list
    ]
    slowness = {code: rng.choice((1.0, 1.0, 1.0, 1.0, 0.97, 0.9)) for code, _weight in procedures}
    for period in month_list:
        season = SEASON[period.month - 1]
        label = period.strftime("%Y-%m")
        for name, province, size, punctuality, online in profiles:
            for code, weight in procedures:
                received = max(0, round(weight * size * season * rng.uniform(0.6, 1.4)))
                carried = round(received * rng.uniform(0.0, 0.12))
                available = received + carried
                resolved = round(available * rng.uniform(0.85, 0.97))
                on_time_share = min(1.0, punctuality * slowness[code] * rng.uniform(0.98, 1.01))
                on_time = round(resolved * on_time_share)
                pending = available - resolved
                overdue = min(pending, round(pending * (1 - on_time_share) * 3))
                received_online = round(received * min(1.0, online * rng.uniform(0.9, 1.1)))
                surveyed = round(resolved * rng.uniform(0.2, 0.5))
                line = {
                    "kind": "processing",
                    "procedure": code,
                    "agency": name,
                    "period": label,
                    "received": received,
                    "carried_over": carried,
                    "resolved_on_time": on_time,
                    "resolved_late": resolved - on_time,
                    "pending_on_time": pending - overdue,
                    "pending_overdue": overdue,
                    "received_online": received_online,
                    "fully_online": round(received_online * rng.uniform(0.5, 0.9)),
                    "results_online": round(resolved * rng.uniform(0.4, 0.9)),
                    "surveyed": surveyed,
                    "satisfied": round(surveyed * rng.uniform(0.88, 1.0)),
                }
                if province:
                    line["province"] = province
                yield line
