"""The project's service page: its state and deadline, the handover list, and the step each role may take.
Thin: every action is one service in services/."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from liaison.closure.forms import HandoverLineFormSet, TerminationForm, posted_lines
from liaison.closure.models import ServiceState
from liaison.closure.policies import can_manage_closure_settings
from liaison.closure.selectors.lists import FILTERS, service_counts, service_list
from liaison.closure.selectors.service import ServicePanel, access_service
from liaison.closure.services.completion import (
    service_confirm_completion,
    service_confirm_receipt,
    service_dispute_handover,
    service_prepare_completion,
)
from liaison.closure.services.termination import (
    service_confirm_termination,
    service_confirm_termination_receipt,
    service_request_termination,
    service_withdraw_termination,
)
from liaison.core.errors import DomainError, NotFound


def _initial_lines(panel: ServicePanel) -> list[dict[str, Any]]:
    """The documents outside the register as listed before (after an objection), plus blank rows; the
    register's entries are listed by themselves."""
    rows = [
        {
            "name": line.name,
            "issuer": line.issuer,
            "number": line.number,
            "original": "1" if line.original else "0",
            "copies": line.copies,
            "pages": line.pages,
            "remarks": (line.dispute_note and _("项目单位异议：%(n)s") % {"n": line.dispute_note})
            or line.remarks,
            "handed_over": line.handed_over,
            "not_handed_reason": line.not_handed_reason,
        }
        for line in panel.lines
        if line.custody_entry_id is None
    ]
    return rows + [{"copies": 1, "handed_over": True}] * 3


def _kept(request: HttpRequest, panel: ServicePanel) -> dict[int, str]:
    """Register entries the officer keeps back (box unticked), each with the reason given."""
    return {
        e.pk: request.POST.get(f"kept_{e.pk}", "")
        for e in panel.custody
        if request.POST.get(f"handover_{e.pk}") != "on"
    }


def _posted_handover(request: HttpRequest, panel: ServicePanel) -> tuple[Any, dict[str, Any] | None]:
    """The handover list as posted (completion or termination): (the formset to show again, None) when a
    row is wrong, else (None, the `lines` and `kept` arguments of the service)."""
    formset = HandoverLineFormSet(request.POST, prefix="lines")
    if not formset.is_valid():
        return formset, None
    return None, {"lines": posted_lines(formset), "kept": _kept(request, panel)}


def _act(request: HttpRequest, panel: ServicePanel) -> tuple[Any, Any]:
    """Run the posted action; returns (the formset or form to show again, None) or raises DomainError."""
    user, project, action = request.user, panel.project, request.POST.get("action", "")
    comment = request.POST.get("comment", "")
    handover: dict[str, Any] = {}
    if action in ("prepare_completion", "confirm_termination"):
        formset, posted = _posted_handover(request, panel)
        if posted is None:
            return formset, _("请检查移交清单中标红的内容。")
        handover = posted
    if action == "prepare_completion":
        outcomes = {item.pk: request.POST.get(f"outcome_{item.pk}", "") for item in panel.open_items}
        service_prepare_completion(
            actor=user,
            project=project,
            **handover,
            note=request.POST.get("note", ""),
            outcomes={k: v for k, v in outcomes.items() if v},
        )
    elif action == "confirm_receipt":
        service_confirm_receipt(actor=user, project=project, comment=comment)
    elif action == "dispute_handover":
        disputes = {line.pk: request.POST.get(f"dispute_{line.pk}", "") for line in panel.lines}
        service_dispute_handover(actor=user, project=project, disputes=disputes)
    elif action == "confirm_completion":
        service_confirm_completion(actor=user, project=project, comment=comment)
    elif action == "request_termination":
        form = TerminationForm(request.POST)
        if not form.is_valid():
            return form, _("请选择终止原因并填写说明。")
        service_request_termination(actor=user, project=project, **form.cleaned_data)
    elif action == "withdraw_termination":
        service_withdraw_termination(actor=user, project=project, comment=comment)
    elif action == "confirm_termination":
        service_confirm_termination(actor=user, project=project, comment=comment, **handover)
    elif action == "confirm_termination_receipt":
        service_confirm_termination_receipt(actor=user, project=project, comment=comment)
    else:
        raise DomainError(_("未知的操作。"))
    return None, None


@login_required
@require_http_methods(["GET", "POST"])
def service_page(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        panel = access_service(request.user, pk)
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc
    formset = HandoverLineFormSet(initial=_initial_lines(panel), prefix="lines")
    termination = TerminationForm()
    status = 200
    if request.method == "POST":
        try:
            shown, problem = _act(request, panel)
        except NotFound as exc:
            raise Http404(str(exc.message)) from exc
        except DomainError as exc:
            shown, problem = None, exc.message
        if problem is None:
            messages.success(request, _("已办理。"))
            return HttpResponseRedirect(reverse("closure:service", args=[pk]))
        messages.error(request, str(problem))
        status = 400
        if request.POST.get("action") in ("prepare_completion", "confirm_termination"):
            formset = shown or HandoverLineFormSet(request.POST, prefix="lines")
        elif request.POST.get("action") == "request_termination":
            termination = shown or TerminationForm(request.POST)
        panel = access_service(request.user, pk)
    kept_before = {x.custody_entry_id: x.not_handed_reason for x in panel.lines if not x.handed_over}
    for entry in panel.custody:
        entry.kept_reason = request.POST.get(f"kept_{entry.pk}") or kept_before.get(entry.pk, "")  # type: ignore[attr-defined]
    context = {"panel": panel, "formset": formset, "termination": termination}
    return render(request, "closure/service.html", context, status=status)


@login_required
def service_list_page(request: HttpRequest) -> HttpResponse:
    """Services by state, with their deadlines: what waits on whom at the end of the service."""
    state = request.GET.get("state", "")
    if state not in FILTERS:
        state = ""
    q = request.GET.get("q", "")[:100]
    context = {
        "rows": service_list(request.user, state=state, q=q),
        "counts": service_counts(request.user),
        "states": ServiceState.choices,
        "state": state,
        "q": q,
        "can_manage_settings": can_manage_closure_settings(request.user),
    }
    return render(request, "closure/list.html", context)
