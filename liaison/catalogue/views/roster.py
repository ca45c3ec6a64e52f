"""The guide roster page (联系表, Attachment 1) and its downloads."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as HttpForbidden
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from liaison.catalogue.exchange.catalogue_export import catalogue_export, catalogue_filename
from liaison.catalogue.exchange.policies import can_export_catalogue, can_import_catalogue, can_view_roster
from liaison.catalogue.exchange.roster_docs import roster_export, roster_filename, roster_title
from liaison.catalogue.selectors.roster import (
    RosterFilters,
    roster_department_choices,
    roster_filter_labels,
    roster_list,
)
from liaison.catalogue.stages import Stage
from liaison.core.errors import DomainError
from liaison.core.paging import paginate, querystring_without_page
from liaison.core.xlsx import DOCX_CONTENT_TYPE, XLSX_CONTENT_TYPE


def _download(content: bytes, *, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response


@login_required
@require_GET
def roster(request: HttpRequest) -> HttpResponse:
    if not can_view_roster(request.user):
        raise HttpForbidden
    filters = RosterFilters.from_params(request.GET)
    rows = roster_list(viewer=request.user, filters=filters)
    context = {
        "title": roster_title(),
        "filters": filters,
        "filter_labels": roster_filter_labels(filters=filters),
        "phones_masked": not rows.full_phones,
        "today": timezone.localdate(),
    }
    if request.GET.get("print") == "1":
        return render(request, "catalogue/roster_print.html", {**context, "rows": list(rows)})
    filter_query = querystring_without_page(request)
    return render(
        request,
        "catalogue/roster.html",
        {
            **context,
            "page_obj": paginate(request, rows),
            "filter_query": filter_query,
            "departments": roster_department_choices(),
            "stages": Stage.choices,
            "allowed_actions": {
                "export_catalogue": can_export_catalogue(request.user),
                "import_catalogue": can_import_catalogue(request.user),
            },
        },
    )


def _roster_download(request: HttpRequest, fmt: str) -> HttpResponse:
    filters = RosterFilters.from_params(request.GET)
    try:
        content = roster_export(actor=request.user, filters=filters, fmt=fmt)
    except DomainError as exc:
        raise HttpForbidden(str(exc.message)) from exc
    content_type = XLSX_CONTENT_TYPE if fmt == "xlsx" else DOCX_CONTENT_TYPE
    return _download(content, filename=roster_filename(fmt), content_type=content_type)


@login_required
@require_GET
def roster_export_xlsx(request: HttpRequest) -> HttpResponse:
    return _roster_download(request, "xlsx")


@login_required
@require_GET
def roster_export_docx(request: HttpRequest) -> HttpResponse:
    return _roster_download(request, "docx")


@login_required
@require_GET
def catalogue_export_xlsx(request: HttpRequest) -> HttpResponse:
    try:
        content = catalogue_export(actor=request.user)
    except DomainError as exc:
        raise HttpForbidden(str(exc.message)) from exc
    return _download(content, filename=catalogue_filename(), content_type=XLSX_CONTENT_TYPE)
