import pytest

from django.apps import apps


def basis_model():
    try:
        return apps.get_model("procedures", "ProcedureLegalBasis")
    except LookupError:
        pytest.skip("procedures.ProcedureLegalBasis does not exist yet (procedures app)")


def known(model, **values):
    """Only the values the other app's model has fields for (its exact shape is its own)."""
    names = {field.name for field in model._meta.get_fields()}
    return {key: value for key, value in values.items() if key in names}


def test_a_document_lists_the_procedures_that_cite_it(client, make_document, index_page):
    model = basis_model()
    procedure_model = model._meta.get_field("page").related_model
    law = make_document(number="68/2020/QH14", title="Luật Cư trú")
    procedure = index_page.get_parent().add_child(
        instance=procedure_model(
            title="Đăng ký tạm trú",
            slug="dang-ky-tam-tru",
            **known(procedure_model, code="1.004194", name="Đăng ký tạm trú"),
        )
    )
    model.objects.create(
        page=procedure,
        normalised_number="68-2020-QH14",
        **known(model, number="68/2020/QH14"),
    )
    html = client.get(law.url).content.decode()
    assert "Đăng ký tạm trú" in html


def test_without_procedures_the_page_still_renders(client, make_document):
    law = make_document(number="68/2020/QH14")
    assert client.get(law.url).status_code == 200
