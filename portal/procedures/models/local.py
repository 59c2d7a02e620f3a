"""A provincial site's implementation of a national procedure: only what differs locally.

Each field left blank falls back to the national record at read time, so an edit of the
national procedure reaches every site that does not override that field. A province's editors
write drafts; the public reads only the published version, which the province's board approves
through its site's workflow like any page of that site.
"""

from django.core.exceptions import ValidationError
from django.db import models

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    WorkflowMixin,
)

from portal.core.provinces import PROVINCES

from .choices import OnlineLevel


class LocalImplementation(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel
):
    """How one site (a provincial department) carries out one national procedure."""

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name="Trang của cơ quan",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="procedure_implementations",
    )
    # A province without a site yet: its values in national data are kept under its name, and
    # its site shows them once created (portal/procedures/local.py).
    province = models.CharField(
        "Tỉnh, thành phố (chưa có trang)",
        max_length=100,
        blank=True,
        choices=[(name, name) for name in PROVINCES],
    )
    procedure = models.ForeignKey(
        "procedures.ProcedurePage",
        verbose_name="Thủ tục quốc gia",
        on_delete=models.CASCADE,
        related_name="local_implementations",
    )
    implementing_agency = models.ForeignKey(
        "core.Agency",
        verbose_name="Cơ quan thực hiện tại địa phương",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="local_procedure_implementations",
    )
    receiving_address = models.TextField("Địa chỉ tiếp nhận hồ sơ", blank=True)
    processing_time = models.CharField("Thời hạn giải quyết", max_length=500, blank=True)
    fees = models.TextField("Phí, lệ phí", blank=True)
    fee_amount = models.PositiveBigIntegerField("Mức phí (đồng)", null=True, blank=True)
    online_url = models.URLField("Địa chỉ dịch vụ công trực tuyến", max_length=500, blank=True)
    online_level = models.CharField(
        "Mức độ dịch vụ công trực tuyến",
        max_length=16,
        choices=OnlineLevel.choices,
        blank=True,
    )

    panels = [
        FieldRowPanel([FieldPanel("site"), FieldPanel("procedure")]),
        MultiFieldPanel(
            [
                FieldPanel("implementing_agency"),
                FieldPanel("receiving_address"),
                FieldRowPanel([FieldPanel("processing_time"), FieldPanel("online_level")]),
                FieldRowPanel([FieldPanel("fees"), FieldPanel("fee_amount")]),
                FieldPanel("online_url"),
            ],
            heading="Khác với thủ tục quốc gia (để trống để dùng thông tin quốc gia)",
        ),
        InlinePanel("local_forms", heading="Mẫu đơn, tờ khai của địa phương", label="Mẫu"),
    ]

    class Meta:
        verbose_name = "Thủ tục thực hiện tại địa phương"
        verbose_name_plural = "Thủ tục thực hiện tại địa phương"
        constraints = [
            models.UniqueConstraint(
                fields=["site", "procedure"], name="one_local_implementation_per_site"
            ),
            models.UniqueConstraint(
                fields=["province", "procedure"],
                condition=models.Q(site__isnull=True),
                name="one_local_implementation_per_province_without_site",
            ),
        ]
        ordering = ["procedure__code", "site__hostname"]

    def __str__(self):
        where = (self.site.site_name or self.site.hostname) if self.site else self.province
        return f"{self.procedure.code} – {where}"

    @property
    def code(self):
        return self.procedure.code

    def get_workflow(self):
        """The approval workflow of its site's procedure catalogue: the workflow that province's
        board approves the catalogue's pages with (per site, where Wagtail's is per model)."""
        from ..local import catalogue_of

        if self.site_id is None:
            return None
        catalogue = catalogue_of(self.site)
        return (catalogue or self.site.root_page).get_workflow()

    def clean(self):
        from ..local import is_national

        super().clean()
        if self.site_id is None and not self.province:
            raise ValidationError({"site": "Chọn trang của cơ quan."})
        if self.procedure_id is None or self.site_id is None:
            return
        if not is_national(self.procedure):
            raise ValidationError(
                {"procedure": "Chỉ thủ tục của danh mục quốc gia mới có cách thực hiện địa phương."}
            )
        if self.site.is_default_site:
            raise ValidationError({"site": "Trang quốc gia không có cách thực hiện địa phương."})
        clash = LocalImplementation.objects.filter(site=self.site, procedure=self.procedure)
        if clash.exclude(pk=self.pk).exists():
            raise ValidationError(
                {"procedure": "Trang này đã có cách thực hiện địa phương cho thủ tục này."}
            )


class LocalForm(Orderable):
    """A form (mẫu đơn) the site uses for this procedure in place of, or besides, the national."""

    implementation = ParentalKey(
        LocalImplementation, on_delete=models.CASCADE, related_name="local_forms"
    )
    title = models.CharField("Tên mẫu", max_length=500)
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name="Tệp mẫu",
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("title"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = "Mẫu đơn của địa phương"
        verbose_name_plural = "Mẫu đơn của địa phương"

    def __str__(self):
        return self.title
