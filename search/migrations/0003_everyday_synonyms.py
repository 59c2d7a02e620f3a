"""Everyday words and abbreviations citizens type for what procedure names spell out."""

from django.db import migrations

SEED = {
    "TNCN": "thu nhập cá nhân",
    "TNDN": "thu nhập doanh nghiệp",
    "GTGT": "giá trị gia tăng",
    "VAT": "giá trị gia tăng",
    "PCCC": "phòng cháy và chữa cháy\nphòng cháy chữa cháy",
    "TNLĐ": "tai nạn lao động",
    "BNN": "bệnh nghề nghiệp",
    "BHTNLĐ": "bảo hiểm tai nạn lao động",
    "GPMT": "giấy phép môi trường",
    "C/O": "giấy chứng nhận xuất xứ",
    "XNK": "xuất nhập khẩu",
    "sổ hồng": "giấy chứng nhận quyền sử dụng đất\nquyền sở hữu nhà ở",
    "bằng lái": "giấy phép lái xe",
    "nước ngầm": "nước dưới đất",
    "công ty": "doanh nghiệp",
    "mã số thuế": "đăng ký thuế",
    "hộ khẩu": "thường trú",
    "nhập hộ khẩu": "đăng ký thường trú",
    "cắt hộ khẩu": "xóa đăng ký thường trú",
    "tách hộ khẩu": "tách hộ",
    "khai báo tạm trú": "đăng ký tạm trú",
    "sao y": "chứng thực bản sao",
    "giấy khai sinh": "khai sinh",
}


def seed(apps, schema_editor):
    SearchSynonym = apps.get_model("search", "SearchSynonym")
    for term, expansions in SEED.items():
        SearchSynonym.objects.get_or_create(term=term, defaults={"expansions": expansions})


class Migration(migrations.Migration):
    dependencies = [("search", "0002_seed_synonyms")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
