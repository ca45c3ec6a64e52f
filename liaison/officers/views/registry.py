"""Reading the officer registry: the list, one officer's record, and the .xlsx export."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as HttpForbidden
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from liaison.core.errors import DomainError, PermissionDenied
from liaison.core.paging import paginate, querystring_without_page
from liaison.directory.http import AuthedHttpRequest
from liaison.officers.models import OfficerStatus
from liaison.officers.policies import can_export_officer, can_register_officer, officer_allowed_actions
from liaison.officers.presentation import officer_phone
from liaison.officers.record_panels import record_panels
from liaison.officers.selectors.officer import officer_list as select_officers
from liaison.officers.selectors.officer import officer_status_counts, officer_unit_choices
from liaison.officers.selectors.officer_record import officer_record_list
from liaison.officers.services.officer_export import officer_export_xlsx as export_xlsx
from liaison.officers.views.common import officer_or_404

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filters(request: HttpRequest) -> dict[str, str]:
    status = request.GET.get("status", "")
    return {
        "keyword": request.GET.get("q", "").strip()[:100],
        "status": status if status in OfficerStatus.values else "",
        "unit": request.GET.get("unit", "").strip()[:100],
    }


@login_required
@require_GET
def officer_list(request: AuthedHttpRequest) -> HttpResponse:
    filters = _filters(request)
    try:
        page_obj = paginate(request, select_officers(user=request.user, **filters))
        counts = officer_status_counts(user=request.user)
        units = officer_unit_choices(user=request.user)
    except PermissionDenied as exc:
        raise HttpForbidden(str(exc.message)) from exc
    rows = [
        {
            "officer": officer,
            "phone": officer_phone(request.user, officer),
            "can_view": officer_allowed_actions(request.user, officer)["view"],
        }
        for officer in page_obj
    ]
    status_tabs = [
        {"value": value, "label": label, "count": counts[value]} for value, label in OfficerStatus.choices
    ]
    return render(
        request,
        "officers/officer_list.html",
        {
            "page_obj": page_obj,
            "rows": rows,
            "filters": filters,
            "filter_query": querystring_without_page(request),
            "status_tabs": status_tabs,
            "total_count": sum(counts.values()),
            "units": units,
            "allowed_actions": {
                "register": bool(can_register_officer(request.user)),
                "export": bool(can_export_officer(request.user)),
            },
        },
    )


@login_required
@require_GET
def officer_detail(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    officer = officer_or_404(request, pk)
    return render(
        request,
        "officers/officer_detail.html",
        {
            "officer": officer,
            "phone": officer_phone(request.user, officer),
            "records": officer_record_list(officer=officer),
            "allowed_actions": officer_allowed_actions(request.user, officer),
            "panels": record_panels(request.user, officer),
        },
    )


@login_required
@require_GET
def officer_export_xlsx(request: AuthedHttpRequest) -> HttpResponse:
    try:
        content = export_xlsx(actor=request.user, **_filters(request))
    except DomainError as exc:
        raise HttpForbidden(str(exc.message)) from exc
    filename = _("联络官登记表-%(date)s.xlsx") % {"date": timezone.localdate().strftime("%Y%m%d")}
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
