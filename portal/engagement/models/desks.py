from django.contrib.auth.models import Group
from django.db import models


class CaseDesk(models.Model):
    """The staff group that receives and answers one agency's questions and reports."""

    site = models.OneToOneField(
        "wagtailcore.Site", verbose_name="Cổng của cơ quan", on_delete=models.CASCADE
    )
    group = models.OneToOneField(Group, verbose_name="Nhóm", on_delete=models.CASCADE)

    class Meta:
        verbose_name = "Bộ phận tiếp nhận và trả lời"
        verbose_name_plural = "Bộ phận tiếp nhận và trả lời"

    def __str__(self):
        return self.group.name
