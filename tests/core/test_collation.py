from portal.core.text import vietnamese_sort_key


def test_vietnamese_letters_sort_after_their_plain_letter():
    words = ["Tài nguyên nước", "Đất đai", "Dược", "Ăn uống", "Anh", "Âm", "Biển", "Ơn", "Ô", "Ong"]

    assert sorted(words, key=vietnamese_sort_key) == [
        "Anh", "Ăn uống", "Âm", "Biển", "Dược", "Đất đai", "Ong", "Ô", "Ơn", "Tài nguyên nước",
    ]  # fmt: skip


def test_tones_only_break_ties_in_dictionary_order():
    assert sorted(["bạ", "bá", "bã", "bả", "bà", "ba"], key=vietnamese_sort_key) == [
        "ba", "bà", "bả", "bã", "bá", "bạ",
    ]  # fmt: skip
    assert sorted(["mà", "mai"], key=vietnamese_sort_key) == ["mà", "mai"]
