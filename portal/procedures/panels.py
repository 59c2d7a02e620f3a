"""The editor's view of a procedure: one tab per part of the national procedure record."""

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)


def procedure_edit_handler():
    from portal.core.models import BasePage

    from .forms import ProcedurePageForm

    general = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("procedure_type")]),
        FieldPanel("procedure_fields"),
        FieldRowPanel([FieldPanel("levels"), FieldPanel("audiences")]),
        MultiFieldPanel(
            [
                FieldPanel("implementing_agencies"),
                FieldPanel("competent_agency"),
                FieldPanel("receiving_agency"),
                FieldPanel("receiving_address"),
            ],
            heading="Cơ quan",
        ),
        FieldPanel("subjects"),
        FieldPanel("popularity"),
    ]
    how_to = [
        InlinePanel("steps", heading="Trình tự thực hiện", label="Bước"),
        InlinePanel("channels", heading="Cách thức thực hiện", label="Cách thức"),
        FieldPanel("online_level"),
        FieldPanel("requirements"),
        FieldPanel("result"),
    ]
    dossier = [InlinePanel("dossier_items", heading="Thành phần hồ sơ", label="Giấy tờ")]
    legal = [InlinePanel("legal_bases", heading="Căn cứ pháp lý", label="Văn bản")]
    publishing = [
        FieldPanel("decision"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("status_date"),
                FieldPanel("status_decision"),
                FieldPanel("replacement_code"),
            ],
            heading="Tình trạng",
        ),
    ]
    return TabbedInterface(
        [
            ObjectList(general, heading="Thông tin chung"),
            ObjectList(how_to, heading="Cách thực hiện"),
            ObjectList(dossier, heading="Hồ sơ và biểu mẫu"),
            ObjectList(legal, heading="Căn cứ pháp lý"),
            ObjectList(publishing, heading="Công bố"),
            ObjectList(BasePage.promote_panels, heading="Quảng bá"),
            ObjectList(BasePage.settings_panels, heading="Cài đặt"),
        ],
        base_form_class=ProcedurePageForm,
    )
