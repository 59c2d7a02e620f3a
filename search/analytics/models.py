"""The search log: what was searched, how much it found, and which result was chosen. No IP
address, no session, no user: a query that looks like personal data is not logged at all."""

from django.db import models
from django.utils import timezone


class QueryLog(models.Model):
    class Source(models.TextChoices):
        PAGE = "page", "Trang tìm kiếm"
        API = "api", "API"

    day = models.DateField(db_index=True)
    created_at = models.DateTimeField(default=timezone.now)
    query = models.CharField("Từ khóa", max_length=200)  # lowercased, spaces collapsed
    folded = models.CharField(max_length=200, db_index=True)  # without marks
    results = models.PositiveIntegerField("Số kết quả")
    source = models.CharField(max_length=5, choices=Source.choices, default=Source.PAGE)

    class Meta:
        app_label = "search"
        verbose_name = "Lượt tìm kiếm"
        indexes = [models.Index(fields=["day", "query"])]

    def __str__(self):
        return self.query


class ResultClick(models.Model):
    search = models.ForeignKey(QueryLog, on_delete=models.CASCADE, related_name="clicks")
    position = models.PositiveSmallIntegerField()  # 1 = first result of the page
    url = models.CharField(max_length=500)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        app_label = "search"
        verbose_name = "Lượt chọn kết quả"

    def __str__(self):
        return f"{self.search_id} #{self.position}"
