"""Staff views in the Wagtail admin: handle one request (classify, extend, answer, refuse) and
see the deadlines and overdue requests per agency. Each desk reaches only its own agency's."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path

from portal.engagement.ownership import cases_for

from . import deadlines, handling
from .forms import ACTIONS
from .models import InformationRequest

CHANGE = "information_requests.change_informationrequest"
VIEW = "information_requests.view_informationrequest"


def _run(action, request, data, user):
    if action == "classify":
        return handling.classify(request, data["complexity"], user)
    if action == "extend":
        return handling.extend(request, data["reason"], user)
    if action == "answer":
        return handling.answer(request, data["answer"], data["attachments"], data["publish"], user)
    return handling.refuse(request, data["refusal_ground"], data["note"], user)


@permission_required(CHANGE, raise_exception=True)
def handle(request, pk):
    case = get_object_or_404(cases_for(request.user, InformationRequest.objects), pk=pk)
    forms = {name: form_class(prefix=name) for name, form_class in ACTIONS.items()}
    status = 200
    action = request.POST.get("action")
    if request.method == "POST" and action in ACTIONS:
        form = ACTIONS[action](request.POST, request.FILES, prefix=action)
        forms[action] = form
        status = 400
        if form.is_valid():
            try:
                _run(action, case, form.cleaned_data, request.user)
            except handling.HandlingError as error:
                form.add_error(error.field if error.field in form.fields else None, str(error))
            else:
                messages.success(request, f"Đã cập nhật {case.code}.")
                return redirect("information_requests_handle", case.pk)
    context = {"case": case, "forms": forms}
    return render(request, "information_requests/admin/handle.html", context, status=status)


@permission_required(VIEW, raise_exception=True)
def deadlines_view(request):
    rows = deadlines.by_agency(request.user)
    return render(request, "information_requests/admin/deadlines.html", {"rows": rows})


def admin_urls():
    return [
        path("information-requests/<int:pk>/handle/", handle, name="information_requests_handle"),
        path(
            "information-requests/deadlines/", deadlines_view, name="information_requests_deadlines"
        ),
    ]
