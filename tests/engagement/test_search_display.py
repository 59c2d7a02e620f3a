"""The search page labels an answer as "Hỏi đáp", treats a query of spaces as no query, and
gives examples of a code and a number that exist in the data when nothing is found."""

import pytest

from wagtail.models import Workflow

from portal.engagement import answering
from portal.engagement.factories import QuestionFactory
from portal.legal.factories import LegalDocumentIndexPageFactory, LegalDocumentPageFactory
from portal.procedures.factories import ProcedurePageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("engine", ["embedded"], indirect=True)
def test_an_answer_is_labelled_hoi_dap_and_spaces_are_no_query(
    client, engine, committed, section, unit
):
    Workflow.objects.update(active=False)
    with committed():
        answering.submit_answer(
            QuestionFactory(title="Hạn cấp sổ đỏ lần đầu", answer="Không quá 20 ngày.")
        )
    page = client.get("/tim-kiem/", {"q": "sổ đỏ"}).content.decode()
    assert '<span class="search-hit__kind">Hỏi đáp</span>' in page

    blank = client.get("/tim-kiem/", {"q": "   "}).content.decode()
    assert "Hạn cấp sổ đỏ lần đầu" not in blank and "search-hit__kind" not in blank


@pytest.mark.parametrize("engine", ["embedded"], indirect=True)
def test_the_no_result_advice_gives_a_code_and_a_number_from_the_data(
    client, engine, committed, home
):
    with committed():
        ProcedurePageFactory(code="2.000123", name="Thủ tục cấp phép", popularity=5)
        index = LegalDocumentIndexPageFactory(parent=home)
        LegalDocumentPageFactory(parent=index, number="12/2025/TT-BNNMT")
    page = client.get("/tim-kiem/", {"q": "zzqxw"}).content.decode()
    assert "ví dụ: 2.000123." in page and "ví dụ: 12/2025/TT-BNNMT." in page
    assert "1.004194" not in page and "31/2024/QH15" not in page
