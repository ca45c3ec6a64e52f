"""The audit trail pages: list with filters and its export, one event, one record's history, verification."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as HttpForbidden
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from liaison.audit.actions import object_type_label
from liaison.audit.display import change_rows, extra_rows
from liaison.audit.exports import AUDIT_EVENT_EXPORT
from liaison.audit.forms import AuditFilterForm
from liaison.audit.policies import (
    can_export_audit_trail,
    can_verify_audit_chain,
    can_view_audit_trail,
    can_view_personal_data_log,
)
from liaison.audit.selectors.events import (
    access_audit_event,
    audit_event_list,
    audit_filter_choices,
    audit_object_history,
)
from liaison.audit.services.exports import audit_trail_export_record
from liaison.audit.services.verify import audit_chain_check
from liaison.core.errors import NotFound
from liaison.core.errors import PermissionDenied as DomainPermissionDenied
from liaison.core.listing import export_response, list_tools, wants_export
from liaison.core.paging import paginate, querystring_without_page


def _allowed_actions(request: HttpRequest) -> dict[str, bool]:
    return {
        "verify": bool(can_verify_audit_chain(request.user)),
        "export": bool(can_export_audit_trail(request.user)),
        "personal_data_log": bool(can_view_personal_data_log(request.user)),
    }


@login_required
def event_list(request: HttpRequest) -> HttpResponse:
    if not can_view_audit_trail(request.user):
        raise HttpForbidden
    form = AuditFilterForm(request.GET or None)
    if form.is_bound:
        form.is_valid()
    events = audit_event_list(user=request.user, filters=form.filters())
    if wants_export(request):
        if not can_export_audit_trail(request.user):
            raise HttpForbidden
        return export_response(
            AUDIT_EVENT_EXPORT,
            events,
            request=request,
            on_written=lambda: audit_trail_export_record(actor=request.user, scope=request.GET.urlencode()),
        )
    page_obj = paginate(request, events)
    return render(
        request,
        "audit/event_list.html",
        {
            "form": form,
            "page_obj": page_obj,
            "filter_query": querystring_without_page(request),
            "choices": audit_filter_choices(),
            "allowed_actions": _allowed_actions(request),
            "tools": list_tools(request, search=False),
        },
    )


@login_required
def event_detail(request: HttpRequest, seq: int) -> HttpResponse:
    try:
        event = access_audit_event(request.user, seq)
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc
    return render(
        request,
        "audit/event_detail.html",
        {
            "event": event,
            "change_rows": change_rows(event),
            "extra_rows": extra_rows(event),
            "allowed_actions": _allowed_actions(request),
        },
    )


@login_required
def object_history(request: HttpRequest, object_type: str, object_id: str) -> HttpResponse:
    """A record's history; with `HX-Request` only the table, for other pages to load in place."""
    if not can_view_audit_trail(request.user):
        raise Http404
    events = audit_object_history(user=request.user, object_type=object_type, object_id=object_id)
    context = {
        "events": events,
        "object_type": object_type,
        "object_type_label": object_type_label(object_type),
        "object_id": object_id,
    }
    if request.headers.get("HX-Request"):
        return render(request, "audit/_history_table.html", context)
    return render(request, "audit/object_history.html", context)


@login_required
@require_POST
def verify(request: HttpRequest) -> HttpResponse:
    try:
        report = audit_chain_check(actor=request.user)
    except DomainPermissionDenied as exc:
        raise HttpForbidden(str(exc.message)) from exc
    return render(request, "audit/verify_result.html", {"report": report})
