"""The fixed query mix: what citizens, journalists and lawyers type."""

CITIZEN = [
    "dang ky tam tru",
    "cap doi the can cuoc",
    "tro cap that nghiep",
    "cap giay phep khai thac nuoc",
    "dang ky ket hon",
    "ho chieu pho thong",
    "dang ky bien dong dat dai",
    "danh gia tac dong moi truong",
    "giay phep moi truong",
    "ly lich tu phap",
]
NUMBERS = [
    "68/2020/QH14",
    "68/2020/qh14",
    "678/TB-VPCP",
    "269/2025/nd-cp",
    "1.004194",
    "24/2018/QH14",
]
LEGAL_QUESTIONS = [
    "người sử dụng đất có quyền chuyển nhượng quyền sử dụng đất khi nào",
    "thời hạn cấp giấy phép khai thác tài nguyên nước là bao lâu",
    "trách nhiệm của chủ dự án trong đánh giá tác động môi trường",
    "công dân có nghĩa vụ đăng ký thường trú trong thời hạn bao nhiêu ngày",
    "xu phat vi pham hanh chinh trong linh vuc bao ve moi truong",
]
MIX = {"citizen": CITIZEN, "number": NUMBERS, "legal_question": LEGAL_QUESTIONS}
ALL = [query for queries in MIX.values() for query in queries]
