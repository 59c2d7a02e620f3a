""" "Did you mean" offers real words with their marks, on every engine."""

import pytest

from search.requests import SearchRequest

from .conftest import procedure


@pytest.fixture
def indexed(engine):
    engine.index(
        [
            procedure("1.004194", "Đăng ký tạm trú"),
            procedure("1.004222", "Đăng ký thường trú"),
            procedure("1.000894", "Đăng ký kết hôn"),
        ]
    )
    return engine


def suggestion(engine, text):
    return engine.search(SearchRequest(text=text)).suggestion


def test_misspelt_syllable_typed_with_marks_is_corrected_with_marks(indexed):
    assert suggestion(indexed, "đăng ký tạm chú") == "đăng ký tạm trú"


def test_unaccented_misspelt_query_is_corrected_with_marks(indexed):
    assert suggestion(indexed, "dang ky tam chu") == "đăng ký tạm trú"
    assert suggestion(indexed, "dang ky ket hom") == "đăng ký kết hôn"


def test_query_of_known_words_gets_no_suggestion(indexed):
    result = indexed.search(SearchRequest(text="tạm trú kết hôn"))

    assert result.total < 3  # few hits: a suggestion was considered
    assert result.suggestion is None


def test_marks_the_user_typed_are_kept_and_missing_ones_are_the_most_frequent(engine):
    engine.index(
        [
            procedure("1.1", "Hòa giải ở cơ sở"),
            procedure("1.2", "Hòa giải viên"),
            procedure("1.3", "Hoà giải thương mại"),
        ]
    )

    assert suggestion(engine, "hoà giải thương mạj") == "hoà giải thương mại"
    assert suggestion(engine, "hoa giai thuong maj") == "hòa giải thương mại"


def test_words_of_newly_indexed_titles_are_suggested(indexed):
    assert suggestion(indexed, "đăng ký khai sanh") is None

    indexed.index([procedure("1.001193", "Đăng ký khai sinh")])

    assert suggestion(indexed, "đăng ký khai sanh") == "đăng ký khai sinh"
