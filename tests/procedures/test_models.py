import pytest

from django.core.exceptions import ValidationError

from portal.procedures.factories import ProcedurePageFactory
from portal.procedures.models import DossierItem, ProcedureLegalBasis, ProcedureStep, Status


@pytest.mark.django_db
def test_an_unknown_level_or_audience_is_refused(catalogue):
    page = ProcedurePageFactory(levels=["commune"])
    page.levels = ["commune", "galaxy"]
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "galaxy" in str(error.value.message_dict["levels"])


@pytest.mark.django_db
def test_codes_are_unique(catalogue):
    ProcedurePageFactory(code="1.004194")
    twin = ProcedurePageFactory.build(code="1.004194", name="Khác", slug="khac")
    with pytest.raises(ValidationError) as error:
        catalogue.add_child(instance=twin)
    assert "code" in error.value.message_dict


@pytest.mark.django_db
def test_title_and_slug_follow_the_name_and_code(catalogue):
    page = ProcedurePageFactory.build(code="1.004194", name="Đăng ký tạm trú", title="", slug="")
    catalogue.add_child(instance=page)
    assert page.title == "Đăng ký tạm trú"
    assert page.slug == "1-004194-dang-ky-tam-tru"


@pytest.mark.django_db
def test_levels_are_stored_in_choice_order_and_read_back_as_a_list(catalogue):
    page = ProcedurePageFactory(levels=["commune", "central", "commune"])
    page.refresh_from_db()
    assert page.levels == ["central", "commune"]


@pytest.mark.django_db
def test_legal_basis_keeps_the_normalised_number(catalogue):
    page = ProcedurePageFactory()
    page.legal_bases = [ProcedureLegalBasis(number="2499/QĐ-BTNMT")]
    page.save_revision().publish()
    assert ProcedureLegalBasis.objects.get(page=page).normalised_number == "2499-QD-BTNMT"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("virus.exe", b"MZ\x90\x00", "Chỉ nhận các định dạng: PDF, DOC, DOCX, ODT, XLS, XLSX"),
        ("notes.txt", b"hello", "không phải là mẫu đơn được chấp nhận"),
        ("fake.pdf", b"<html>not a pdf</html>", "không đúng định dạng PDF"),
        ("fake.docx", b"%PDF-1.4", "không đúng định dạng DOCX"),
    ],
)
def test_a_form_that_is_not_an_accepted_document_is_refused(
    catalogue, form_document, filename, content, message
):
    page = ProcedurePageFactory()
    item = DossierItem(page=page, name="Tờ khai", form=form_document(filename, content))
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert message in " ".join(error.value.message_dict["form"])


@pytest.mark.django_db
@pytest.mark.parametrize("filename", ["mau.pdf", "mau.docx"])
def test_real_pdf_and_docx_forms_are_accepted(catalogue, form_document, filename):
    page = ProcedurePageFactory()
    DossierItem(page=page, name="Tờ khai", form=form_document(filename)).full_clean()


@pytest.mark.django_db
def test_search_document_carries_the_procedure_and_its_facets(catalogue):
    from portal.core.factories import AgencyFactory, FieldFactory

    page = ProcedurePageFactory(
        code="1.012756",
        name="Đăng ký đất đai",
        levels=["commune"],
        audiences=["citizen"],
        status=Status.ABOLISHED,
        online_level="full",
        popularity=120,
        result="Giấy chứng nhận",
        requirements="Không tranh chấp",
    )
    page.procedure_fields.add(FieldFactory(name="Đất đai"))
    page.implementing_agencies.add(AgencyFactory(name="Ủy ban nhân dân cấp xã"))
    page.steps = [ProcedureStep(text="Nộp hồ sơ tại xã")]
    page.dossier_items = [DossierItem(name="Đơn đăng ký", case="Lần đầu")]
    page.save()

    [document] = page.search_documents()

    assert (document.kind, document.id, document.title) == ("procedure", "1.012756", page.name)
    assert document.url == page.url and document.language == "vi"
    assert document.identifiers == ["1.012756"] and document.page_id == page.pk
    for text in ["Nộp hồ sơ tại xã", "Lần đầu Đơn đăng ký", "Không tranh chấp", "Giấy chứng nhận"]:
        assert text in document.body
    assert document.facets == {
        "field": [("dat-dai", "Đất đai")],
        "level": [("commune", "Cấp xã")],
        "audience": [("citizen", "Công dân")],
        "agency": [("uy-ban-nhan-dan-cap-xa", "Ủy ban nhân dân cấp xã")],
        "online_level": [("full", "Dịch vụ công trực tuyến toàn trình")],
        "status": [("abolished", "Đã bị bãi bỏ")],
    }
    assert document.popularity == 120.0 and document.in_force is False
