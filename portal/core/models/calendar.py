"""The one editable calendar of public holidays (ngày nghỉ lễ, Tết), from which every deadline
in working days is counted (portal.core.working_days): reports, information requests,
maintenance notices. Editors add each year's days as the Government announces them."""

from django.db import models


class PublicHoliday(models.Model):
    date = models.DateField("Ngày nghỉ", unique=True)
    name = models.CharField("Tên ngày lễ", max_length=100)

    class Meta:
        verbose_name = "Ngày nghỉ lễ, Tết"
        verbose_name_plural = "Lịch nghỉ lễ, Tết"
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.name}"
