import pytest

from django.core.exceptions import ValidationError

from portal.core.identifiers import normalise_document_number
from portal.legal.models import LegalDocumentPage


@pytest.mark.parametrize(
    "typed", ["2499/QĐ-BTNMT", "2499/qd-btnmt", "2499 QĐ BTNMT", " 2499 / qđ - btnmt "]
)
def test_spellings_of_a_decision_number_are_one_number(typed):
    assert normalise_document_number(typed) == "2499-QD-BTNMT"


@pytest.mark.parametrize("typed", ["68/2020/QH14", "68/2020/qh14", "68 2020 QH14"])
def test_law_numbers_keep_their_year(typed):
    assert normalise_document_number(typed) == "68-2020-QH14"


def test_decree_and_law_numbers_differ():
    assert normalise_document_number("08/2022/NĐ-CP") == "08-2022-ND-CP"
    assert normalise_document_number("08/2022/NĐ-CP") != normalise_document_number("08/2022/QH15")


def test_number_is_stored_as_written_and_normalised(make_document):
    page = make_document(number="2499/QĐ-BTNMT")
    page.refresh_from_db()
    assert page.number == "2499/QĐ-BTNMT"
    assert page.normalised_number == "2499-QD-BTNMT"
    assert LegalDocumentPage.objects.get(normalised_number="2499-QD-BTNMT") == page


def test_same_number_in_another_spelling_is_refused(make_document):
    make_document(number="2499/QĐ-BTNMT")
    duplicate = LegalDocumentPage(title="Bản trùng", number="2499 qd btnmt", doc_type="Quyết định")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "2499/QĐ-BTNMT" in str(error.value.message_dict["number"])
