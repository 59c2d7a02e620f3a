"""Staff views in the Wagtail admin: send an answer for approval, move a report along, see a
report's photo, export or erase one person's data, and the ratings of pages."""

import json

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import Site

from portal.core.models import Agency

from . import answering, handling, personal_data, tracking
from .choices import ReportStatus
from .models import Question, Rating, Report, ReportPhoto
from .ownership import cases_for
from .ratings import counts_per_page
from .staff_entry import staff_entry


@permission_required("engagement.change_question", raise_exception=True)
def submit_answer(request, pk):
    question = get_object_or_404(cases_for(request.user, Question.objects), pk=pk)
    if request.method == "POST":
        if not question.answer.strip() or not question.publishable:
            messages.error(request, "Câu hỏi chưa có trả lời hoặc được đánh dấu không công bố.")
            return redirect("wagtailsnippets_engagement_question:edit", question.pk)
        page = answering.submit_answer(question, request.user)
        messages.success(request, f"Đã trình duyệt câu trả lời cho {question.code}.")
        return redirect("wagtailadmin_pages:edit", page.pk)
    return render(request, "engagement/admin/submit_answer.html", {"question": question})


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Trạng thái"), choices=ReportStatus.choices)
    agency = forms.ModelChoiceField(
        label=_("Cơ quan có thẩm quyền"), queryset=Agency.objects.all(), required=False
    )
    site = forms.ModelChoiceField(
        label=_("Hoặc chuyển đến cổng của cơ quan (tỉnh, thành phố)"),
        queryset=Site.objects.order_by("site_name", "hostname"),
        required=False,
    )
    note = forms.CharField(
        label=_("Ghi chú công khai"), required=False, max_length=1000, widget=forms.Textarea
    )


@permission_required("engagement.change_report", raise_exception=True)
def report_status(request, pk):
    report = get_object_or_404(cases_for(request.user, Report.objects), pk=pk)
    form = StatusForm(request.POST or None, initial={"status": report.status})
    if request.method == "POST" and form.is_valid():
        try:
            handling.change_status(report, user=request.user, **form.cleaned_data)
        except handling.HandlingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Đã cập nhật {report.code}.")
            return redirect("wagtailsnippets_engagement_report:list")
    context = {"report": report, "form": form, "photos": report.photos.all()}
    return render(request, "engagement/admin/report_status.html", context)


def _private_file(field, filename=None):
    response = FileResponse(
        field.open("rb"), as_attachment=filename is not None, filename=filename or ""
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@permission_required("engagement.view_report", raise_exception=True)
def report_photo(request, pk):
    reports = cases_for(request.user, Report.objects)
    return _private_file(get_object_or_404(ReportPhoto, pk=pk, report__in=reports).file)


@permission_required("engagement.view_question", raise_exception=True)
def question_attachment(request, pk):
    """Always a download, never shown inline: a file from the public is not trusted."""
    questions = cases_for(request.user, Question.objects.exclude(attachment=""))
    question = get_object_or_404(questions, pk=pk)
    extension = question.attachment.name.rsplit(".", 1)[-1]
    return _private_file(question.attachment, f"{question.code}.{extension}")


class PersonalDataForm(forms.Form):
    code = forms.CharField(label=_("Mã theo dõi"), max_length=20)
    action = forms.ChoiceField(
        label=_("Thao tác"), choices=[("export", _("Xuất dữ liệu")), ("erase", _("Xóa dữ liệu"))]
    )


def personal_data_view(request):
    if not request.user.has_perms(["engagement.change_question", "engagement.change_report"]):
        raise PermissionDenied
    form = PersonalDataForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code, action = form.cleaned_data["code"], form.cleaned_data["action"]
        try:
            if action == "export":
                data = json.dumps(
                    personal_data.export(code, request.user), ensure_ascii=False, indent=2
                )
                response = HttpResponse(data, content_type="application/json; charset=utf-8")
                response["Content-Disposition"] = f'attachment; filename="{code}.json"'
                return response
            personal_data.erase(code, request.user)
            messages.success(request, f"Đã xóa dữ liệu cá nhân của {code}.")
            return redirect("engagement_personal_data")
        except (tracking.MalformedCode, Http404) as error:
            form.add_error("code", str(error))
    return render(request, "engagement/admin/personal_data.html", {"form": form})


@permission_required("engagement.view_rating", raise_exception=True)
def ratings_view(request):
    context = {
        "pages": counts_per_page(),
        "comments": Rating.objects.exclude(comment="").select_related("page")[:100],
    }
    return render(request, "engagement/admin/ratings.html", context)


def admin_urls():
    from django.urls import path, re_path

    return [
        path(
            "engagement/questions/<int:pk>/submit-answer/",
            submit_answer,
            name="engagement_submit_answer",
        ),
        path("engagement/reports/<int:pk>/status/", report_status, name="engagement_report_status"),
        path("engagement/photos/<int:pk>/", report_photo, name="engagement_report_photo"),
        path(
            "engagement/questions/<int:pk>/attachment/",
            question_attachment,
            name="engagement_question_attachment",
        ),
        re_path(
            r"^engagement/(?P<kind>question|report)/staff-entry/$",
            staff_entry,
            name="engagement_staff_entry",
        ),
        path("engagement/personal-data/", personal_data_view, name="engagement_personal_data"),
        path("engagement/ratings/", ratings_view, name="engagement_ratings"),
    ]


def photo_url(photo):
    return reverse("engagement_report_photo", args=[photo.pk])
