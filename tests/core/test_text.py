from portal.core.text import fold, slugify_vi


def test_fold_removes_tone_marks_and_d_stroke():
    assert fold("Đất đai và Tài nguyên nước") == "Dat dai va Tai nguyen nuoc"


def test_fold_merges_words_that_differ_only_by_marks():
    assert {fold(word) for word in ["ban", "bán", "bạn", "bàn"]} == {"ban"}


def test_slug_keeps_every_syllable_in_ascii():
    assert slugify_vi("Địa chất và khoáng sản") == "dia-chat-va-khoang-san"
    assert slugify_vi("  Khí tượng thủy văn!  ") == "khi-tuong-thuy-van"
