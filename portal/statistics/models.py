"""Processing records (one per procedure, agency and month) and monthly roll-ups of them by
agency, field, agency and field, and procedure, so that no dashboard or API question reads more
than a few tens of thousands of rows."""

from django.db import models

from portal.core.models import Field
from portal.core.text import slugify_vi

# Flows add up over months; stocks are read at one month (the first or the last of a range).
FLOWS = (
    "received",
    "resolved_on_time",
    "resolved_late",
    "received_online",
    "fully_online",
    "results_online",
    "surveyed",
    "satisfied",
)
OPENING_STOCKS = ("carried_over",)
CLOSING_STOCKS = ("pending_on_time", "pending_overdue")
COUNTS = FLOWS[:1] + OPENING_STOCKS + FLOWS[1:3] + CLOSING_STOCKS + FLOWS[3:]


class Agency(models.Model):
    """An agency that reports processing figures: the ministry, a general department or a
    province's department. Linked to its site once multi-agency sites exist."""

    name = models.CharField("Tên", max_length=255, unique=True)
    slug = models.SlugField(max_length=255, unique=True)
    province = models.CharField("Tỉnh, thành phố", max_length=100, blank=True, db_index=True)
    site = models.ForeignKey(
        "wagtailcore.Site", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "Cơ quan báo cáo"
        verbose_name_plural = "Cơ quan báo cáo"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            base = slugify_vi(self.name)[:240] or "co-quan"
            slug, number = base, 1
            while Agency.objects.filter(slug=slug).exclude(pk=self.pk).exists():
                number += 1
                slug = f"{base}-{number}"
            self.slug = slug
        super().save(*args, **kwargs)


class ProcedureRef(models.Model):
    """A procedure code seen in processing records, linked to the procedure once it is published
    here (the code is kept until then, like a legal basis). Figures count under the procedure's
    main field (its first), so that fields add up to the total."""

    code = models.CharField(max_length=32, unique=True)
    name = models.CharField(max_length=1000, blank=True)
    field = models.ForeignKey(Field, null=True, blank=True, on_delete=models.SET_NULL)
    linked = models.BooleanField(default=False)

    def __str__(self):
        return self.code


class Counts(models.Model):
    """The figures of one month, as the interchange format names them."""

    received = models.PositiveIntegerField()
    carried_over = models.PositiveIntegerField(default=0)
    resolved_on_time = models.PositiveIntegerField(default=0)
    resolved_late = models.PositiveIntegerField(default=0)
    pending_on_time = models.PositiveIntegerField(default=0)
    pending_overdue = models.PositiveIntegerField(default=0)
    received_online = models.PositiveIntegerField(default=0)
    fully_online = models.PositiveIntegerField(default=0)
    results_online = models.PositiveIntegerField(default=0)
    surveyed = models.PositiveIntegerField(default=0)
    satisfied = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{type(self).__name__} {self.period:%Y-%m}"


class ProcessingRecord(Counts):
    """One line of the interchange format: a procedure's dossiers at an agency in a month."""

    procedure = models.ForeignKey(ProcedureRef, on_delete=models.CASCADE, related_name="+")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    period = models.DateField(help_text="The first day of the month.")
    field = models.ForeignKey(Field, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["procedure", "agency", "period"], name="statistics_record_key"
            )
        ]
        indexes = [
            models.Index(fields=["agency", "period"], name="statistics_record_agency"),
        ]


class AgencyMonth(Counts):
    """Every procedure at one agency in one month."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    period = models.DateField()

    class Meta:
        indexes = [models.Index(fields=["period", "agency"], name="statistics_am_period")]


class FieldMonth(Counts):
    """Every procedure of one main field at every agency in one month."""

    field = models.ForeignKey(Field, null=True, on_delete=models.CASCADE, related_name="+")
    period = models.DateField()

    class Meta:
        indexes = [models.Index(fields=["period", "field"], name="statistics_fm_period")]


class AgencyFieldMonth(Counts):
    """Every procedure of one main field at one agency in one month."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    field = models.ForeignKey(Field, null=True, on_delete=models.CASCADE, related_name="+")
    period = models.DateField()

    class Meta:
        indexes = [models.Index(fields=["period", "agency"], name="statistics_afm_period")]


class ProcedureMonth(Counts):
    """One procedure at every agency in one month."""

    procedure = models.ForeignKey(ProcedureRef, on_delete=models.CASCADE, related_name="+")
    field = models.ForeignKey(Field, null=True, on_delete=models.CASCADE, related_name="+")
    period = models.DateField()

    class Meta:
        indexes = [
            models.Index(fields=["period", "procedure"], name="statistics_pm_period"),
            models.Index(fields=["procedure", "period"], name="statistics_pm_procedure"),
        ]
