import pytest

from portal.core.identifiers import normalise_document_number, normalise_procedure_code


@pytest.mark.parametrize(
    "spelling", ["2499/QĐ-BTNMT", "2499/qd-btnmt", "2499 QĐ BTNMT", " 2499 / qđ - btnmt "]
)
def test_every_spelling_of_a_document_number_is_the_same(spelling):
    assert normalise_document_number(spelling) == "2499-QD-BTNMT"


def test_law_numbers_keep_year_and_session():
    assert normalise_document_number("68/2020/QH14") == "68-2020-QH14"
    assert normalise_document_number("269/2025/NĐ-CP") == normalise_document_number(
        "269/2025/nd-cp"
    )


def test_different_documents_stay_different():
    assert normalise_document_number("68/2020/QH14") != normalise_document_number("68/2020/QH15")


@pytest.mark.parametrize("typed", ["1.004194", " 1,004194 ", "1 . 004194"])
def test_procedure_codes_are_recognised(typed):
    assert normalise_procedure_code(typed) == "1.004194"


def test_words_are_not_procedure_codes():
    assert normalise_procedure_code("dang ky tam tru") is None
