"""Planned downtime of the portal, announced to the public in advance (Decree 224/2026/NĐ-CP
Art. 13: at least 7 working days before; LAW.md). A notice is public once saved: it shows as a
banner on every page of the sites it affects, and in `/api/notices/`, until its end."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Site

from portal.core.working_days import add_working_days

NOTICE_WORKING_DAYS = 7


def earliest_start(today=None):
    """The first day a notice given today may announce: 7 working days after today (Saturdays,
    Sundays and the calendar's public holidays are not counted)."""
    today = today or timezone.localdate()
    return add_working_days(today, NOTICE_WORKING_DAYS)


class NoticeQuerySet(models.QuerySet):
    def not_ended(self, now=None):
        return self.filter(ends_at__gt=now or timezone.now())

    def for_site(self, site):
        """The notices affecting `site`: those naming it, and those naming no site (all)."""
        return self.filter(models.Q(sites=site) | models.Q(sites__isnull=True)).distinct()


class MaintenanceNotice(models.Model):
    starts_at = models.DateTimeField(_("Bắt đầu"))
    ends_at = models.DateTimeField(_("Dự kiến kết thúc"))
    message = models.CharField(
        _("Nội dung thông báo"),
        max_length=300,
        help_text=_("Ví dụ: Cổng thông tin tạm dừng để nâng cấp hệ thống."),
    )
    services_kept = models.TextField(
        _("Dịch vụ thiết yếu vẫn hoạt động"),
        blank=True,
        help_text=_("Những dịch vụ người dân vẫn dùng được trong thời gian bảo trì."),
    )
    sites = models.ManyToManyField(
        Site,
        blank=True,
        verbose_name=_("Trang bị ảnh hưởng"),
        help_text=_("Để trống nếu bảo trì ảnh hưởng tất cả các trang."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("Thông báo bảo trì")
        verbose_name_plural = _("Thông báo bảo trì")

    def __str__(self):
        return f"{timezone.localtime(self.starts_at):%d/%m/%Y %H:%M} – {self.message}"

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("Thời điểm kết thúc phải sau thời điểm bắt đầu.")
        if self.starts_at and self._start_changed():
            earliest = earliest_start()
            if timezone.localtime(self.starts_at).date() < earliest:
                errors["starts_at"] = _(
                    "Phải thông báo trước ít nhất %(days)d ngày làm việc: sớm nhất từ ngày "
                    "%(date)s (không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết)."
                ) % {"days": NOTICE_WORKING_DAYS, "date": earliest.strftime("%d/%m/%Y")}
        if errors:
            raise ValidationError(errors)

    def _start_changed(self):
        """A new notice, or one moved to another start; editing the rest of a notice already
        announced (its end, its text) is not a new announcement."""
        if self.pk is None:
            return True
        before = type(self).objects.filter(pk=self.pk).values_list("starts_at", flat=True).first()
        return before != self.starts_at

    @property
    def is_under_way(self):
        return self.starts_at <= timezone.now() < self.ends_at


def schedule_times():
    """The starts and ends of the notices not yet over: the moments a banner changes from
    announced to under way, and leaves every page."""
    times = MaintenanceNotice.objects.not_ended().values_list("starts_at", "ends_at")
    return [time for pair in times for time in pair]
