from wagtail.models import PageViewRestriction

from portal.procedures.factories import ProcedurePageFactory
from portal.procedures.models import ProcedureLegalBasis


def cite(procedure, number):
    ProcedureLegalBasis.objects.create(page=procedure, number=number)


def test_a_document_lists_the_procedures_that_cite_it(client, make_document):
    law = make_document(number="68/2020/QH14", title="Luật Cư trú")
    cite(ProcedurePageFactory(name="Đăng ký tạm trú", code="1.004194"), "68/2020/qh14")
    cite(ProcedurePageFactory(name="Đăng ký kết hôn", code="1.000894"), "52/2014/QH13")

    html = client.get(law.url).text

    assert "Đăng ký tạm trú" in html
    assert "Đăng ký kết hôn" not in html


def test_unpublished_and_private_procedures_are_not_listed(client, make_document):
    law = make_document(number="68/2020/QH14")
    draft = ProcedurePageFactory(name="Thủ tục đã gỡ xuống", code="1.000001")
    draft.unpublish()
    private = ProcedurePageFactory(name="Thủ tục nội bộ", code="1.000002")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    cite(draft, "68/2020/QH14")
    cite(private, "68/2020/QH14")

    html = client.get(law.url).text

    assert "Thủ tục đã gỡ xuống" not in html and "Thủ tục nội bộ" not in html


def test_without_procedures_the_page_still_renders(client, make_document):
    law = make_document(number="68/2020/QH14")
    assert client.get(law.url).status_code == 200
