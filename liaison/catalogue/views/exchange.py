"""Uploading the catalogue workbook and following its import job."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as HttpForbidden
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from liaison.catalogue.exchange.jobs import access_import_job, import_job_create, import_job_list
from liaison.catalogue.exchange.policies import can_import_catalogue
from liaison.catalogue.models import ImportJob
from liaison.core.errors import DomainError, NotFound

RECENT_JOBS = 10


class CatalogueUploadForm(forms.Form):
    file = forms.FileField(
        label=_("事项目录工作簿（.xlsx）"),
        error_messages={"required": _("请选择要上传的 .xlsx 文件。"), "empty": _("上传的文件是空的。")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    if not can_import_catalogue(request.user):
        raise HttpForbidden
    form = (
        CatalogueUploadForm(request.POST, request.FILES)
        if request.method == "POST"
        else CatalogueUploadForm()
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                job = import_job_create(actor=request.user, upload=form.cleaned_data["file"])
            except DomainError as exc:
                form.add_error("file", str(exc.message))
            else:
                return HttpResponseRedirect(reverse("catalogue:import_job", args=[job.pk]))
        status = 400
    jobs = import_job_list(user=request.user)[:RECENT_JOBS]
    return render(request, "catalogue/exchange/import.html", {"form": form, "jobs": jobs}, status=status)


def _job_or_404(request: HttpRequest, job_id: int) -> ImportJob:
    try:
        return access_import_job(request.user, job_id)
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc


@login_required
@require_GET
def import_job(request: HttpRequest, job_id: int) -> HttpResponse:
    return render(request, "catalogue/exchange/job.html", {"job": _job_or_404(request, job_id)})


@login_required
@require_GET
def import_job_progress(request: HttpRequest, job_id: int) -> HttpResponse:
    """The htmx fragment the job page polls every second until the job has finished."""
    job = _job_or_404(request, job_id)
    return render(request, "catalogue/exchange/_job_progress.html", {"job": job})
