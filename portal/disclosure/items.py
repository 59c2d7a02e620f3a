"""The information every agency must disclose on its portal, with the article each comes from
(Law on Access to Information 104/2016/QH13 Art. 17 and 19, Decree 13/2018/NĐ-CP Art. 6,
Decree 224/2026/NĐ-CP Art. 9; LAW.md). Where the portal publishes each item is not typed here:
the apps that publish it say so (portal.disclosure.sources)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

# On the portal within 5 working days of the information's creation unless another law sets a
# time for the item (Law 104/2016/QH13 Art. 18(4)).
DEFAULT_DEADLINE = 5


@dataclass(frozen=True)
class Item:
    key: str
    title: str
    basis: str
    provinces_only: bool = False
    deadline_days: int = DEFAULT_DEADLINE


ITEMS = [
    Item(
        "procedures",
        _("Thủ tục hành chính và dịch vụ công trực tuyến"),
        "Nghị định 224/2026/NĐ-CP Điều 9(1)(a); Luật 104/2016/QH13 Điều 17(1)(a), 19(1)(a)",
    ),
    Item(
        "organisation",
        _("Cơ cấu tổ chức, chức năng, nhiệm vụ; tiểu sử và phân công của lãnh đạo"),
        "Nghị định 224/2026/NĐ-CP Điều 9(1)(b)",
    ),
    Item(
        "province",
        _("Bộ máy, bản đồ hành chính, điều kiện tự nhiên, lịch sử, văn hóa của tỉnh"),
        "Nghị định 224/2026/NĐ-CP Điều 9(1)(c)",
        provinces_only=True,
    ),
    Item(
        "legal_documents",
        _("Văn bản quy phạm pháp luật, văn bản hành chính có giá trị áp dụng chung"),
        "Luật 104/2016/QH13 Điều 17(1)(a)",
    ),
    Item(
        "guidance",
        _("Hướng dẫn thực hiện pháp luật, chế độ, chính sách"),
        "Luật 104/2016/QH13 Điều 17(1)(b), 19(1)(b)",
    ),
    Item(
        "drafts",
        _("Dự thảo văn bản lấy ý kiến và kết quả lấy ý kiến"),
        "Luật 104/2016/QH13 Điều 17(1)(c)",
    ),
    Item(
        "plans",
        _("Chiến lược, chương trình, dự án, kế hoạch, quy hoạch và kết quả thực hiện"),
        "Luật 104/2016/QH13 Điều 17(1)(d), 19(1)(c)",
    ),
    Item(
        "budget",
        _("Dự toán, tình hình thực hiện, quyết toán ngân sách"),
        "Luật 104/2016/QH13 Điều 17(1)(đ)",
    ),
    Item(
        "aid",
        _("Vốn ODA, viện trợ, cứu trợ, các khoản đóng góp và quỹ"),
        "Luật 104/2016/QH13 Điều 17(1)(e)",
    ),
    Item(
        "investment",
        _("Đầu tư công, mua sắm công, đấu thầu; quy hoạch sử dụng đất, giá đất, thu hồi đất"),
        "Luật 104/2016/QH13 Điều 17(1)(g), 19(1)(d)",
    ),
    Item(
        "inspections",
        _("Kết luận thanh tra về môi trường, sức khỏe, an toàn thực phẩm, an toàn lao động"),
        "Luật 104/2016/QH13 Điều 17(1)(i)",
    ),
    Item(
        "contacts",
        _("Đầu mối tiếp nhận yêu cầu cung cấp thông tin, thông tin liên hệ"),
        "Luật 104/2016/QH13 Điều 17(1)(k)(m), 19(1)(đ)",
    ),
    Item(
        "statistics",
        _("Báo cáo định kỳ, số liệu thống kê của ngành, tuyển dụng"),
        "Luật 104/2016/QH13 Điều 17(1)(l), 19(1)(e)",
    ),
    Item(
        "fees",
        _("Phí, lệ phí và thông tin vì lợi ích công cộng"),
        "Luật 104/2016/QH13 Điều 17(1)(n)(o), 19(1)(h)",
    ),
]
