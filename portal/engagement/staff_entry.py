"""Questions and reports received by phone or letter, entered by staff in the admin: the same
forms as the public's (one validation), the channel `staff`, the date it was received, and a
“do not publish” mark that publishing, search and the public list of reports honour."""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Site

from . import intake
from .choices import Channel
from .forms import QuestionForm, ReportForm
from .ownership import desk_sites, receiving_site


class StaffFields(forms.Form):
    received_on = forms.DateField(
        label=_("Ngày nhận"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Để trống nếu nhận hôm nay."),
    )
    publishable = forms.BooleanField(
        label=_("Được công bố"),
        required=False,
        initial=True,
        help_text=_("Bỏ chọn khi người gửi không muốn công bố: không bao giờ lên trang công khai."),
    )

    def clean_received_on(self):
        received = self.cleaned_data.get("received_on")
        if received and received > timezone.localdate():
            raise forms.ValidationError(_("Ngày nhận không thể sau hôm nay."))
        return received


class StaffQuestionForm(StaffFields, QuestionForm):
    pass


class StaffReportForm(StaffFields, ReportForm):
    pass


KINDS = {
    "question": (StaffQuestionForm, intake.submit_question, "engagement.add_question"),
    "report": (StaffReportForm, intake.submit_report, "engagement.add_report"),
}


def _received_at(day):
    if day is None or day == timezone.localdate():
        return None
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(8, 0)))


def staff_site(request, province):
    """A case a desk enters is its own agency's; a ministry's, as if sent on the ministry's site."""
    desks = desk_sites(request.user)
    if desks:
        return Site.objects.get(pk=desks[0])
    return receiving_site(request, province)


def staff_entry(request, kind):
    form_class, submit, permission = KINDS[kind]
    if not request.user.has_perm(permission):
        raise PermissionDenied
    form = form_class(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = {
            **form.cleaned_data,
            "received_at": _received_at(form.cleaned_data["received_on"]),
            "site": staff_site(request, form.cleaned_data["province"]),
        }
        submission = submit(data, channel=Channel.STAFF)
        messages.success(request, _("Đã nhập %(code)s.") % {"code": submission.code})
        return redirect(f"wagtailsnippets_engagement_{kind}:list")
    context = {"form": form, "kind": kind}
    return render(request, "engagement/admin/staff_entry.html", context)
