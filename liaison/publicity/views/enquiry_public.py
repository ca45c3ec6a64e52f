"""The public enquiry form and the status page the asker opens with the query code."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from liaison.core.errors import DomainError
from liaison.core.public_forms import throttle_public_submission
from liaison.publicity.forms_public import EnquiryForm, StatusForm
from liaison.publicity.selectors.enquiries import enquiry_status as status_of
from liaison.publicity.services.enquiries import enquiry_submit
from liaison.publicity.settings_row import publicity_settings
from liaison.publicity.views.common import attempt

SCOPE = "publicity.enquiry"


@require_http_methods(["GET", "POST"])
def enquiry_new(request: HttpRequest) -> HttpResponse:
    form = EnquiryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def submit() -> object:
            throttle_public_submission(request, SCOPE)
            return enquiry_submit(
                name=data["name"],
                phone=data["phone"],
                email=data["email"],
                topic=data["topic"],
                question=data["question"],
            )

        enquiry = attempt(form, submit)
        if enquiry is not None:
            return HttpResponseRedirect(f"{reverse('publicity:enquiry_status')}?code={enquiry.code}&new=1")
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "answer_days": publicity_settings().answer_days}
    return render(request, "publicity/enquiry_new.html", context, status=status)


@require_http_methods(["GET"])
def enquiry_status(request: HttpRequest) -> HttpResponse:
    form = StatusForm(request.GET or None)
    found, status = None, 200
    if request.GET and form.is_valid():
        try:
            found = status_of(form.cleaned_data["code"])
        except DomainError as exc:
            form.add_error("code", str(exc.message))
            status = 404
    context = {"form": form, "found": found, "new": request.GET.get("new") == "1" and found is not None}
    return render(request, "publicity/enquiry_status.html", context, status=status)
