from django.db import migrations

SEED = {
    "TTHC": "thủ tục hành chính",
    "QĐ": "quyết định",
    "NĐ": "nghị định",
    "NĐ-CP": "nghị định chính phủ",
    "NQ": "nghị quyết",
    "TT": "thông tư",
    "TTLT": "thông tư liên tịch",
    "CT": "chỉ thị",
    "TB": "thông báo",
    "CV": "công văn",
    "QH": "quốc hội",
    "CP": "chính phủ",
    "TTg": "thủ tướng",
    "UBND": "ủy ban nhân dân\nuỷ ban nhân dân",
    "HĐND": "hội đồng nhân dân",
    "BTNMT": "bộ tài nguyên và môi trường",
    "TN&MT": "tài nguyên và môi trường\ntài nguyên môi trường",
    "TNMT": "tài nguyên và môi trường\ntài nguyên môi trường",
    "GCN": "giấy chứng nhận",
    "QSDĐ": "quyền sử dụng đất",
    "GCNQSDĐ": "giấy chứng nhận quyền sử dụng đất",
    "sổ đỏ": "giấy chứng nhận quyền sử dụng đất",
    "BHXH": "bảo hiểm xã hội",
    "BHYT": "bảo hiểm y tế",
    "BHTN": "bảo hiểm thất nghiệp",
    "CCCD": "căn cước công dân\nthẻ căn cước",
    "CMND": "chứng minh nhân dân",
    "GPLX": "giấy phép lái xe",
    "ĐTM": "đánh giá tác động môi trường",
    "ĐKKD": "đăng ký kinh doanh",
    "DVC": "dịch vụ công",
    "HKD": "hộ kinh doanh",
    "DN": "doanh nghiệp",
    "XLVPHC": "xử lý vi phạm hành chính",
}


def seed(apps, schema_editor):
    SearchSynonym = apps.get_model("search", "SearchSynonym")
    for term, expansions in SEED.items():
        SearchSynonym.objects.get_or_create(term=term, defaults={"expansions": expansions})


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
