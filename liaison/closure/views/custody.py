"""The custody register pages: the project's register (the officer adds documents), one entry with its
movement log (the officer records lending, giving back, moving; uploads the scan), the scan's download.
Thin: every change is one service in services/custody.py."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from liaison.closure.downloads import custody_scan_file
from liaison.closure.forms import CustodyEntryForm, CustodyMoveForm, ScanForm
from liaison.closure.selectors.custody import (
    CustodyEntryPanel,
    CustodyPanel,
    access_custody,
    access_custody_entry,
)
from liaison.closure.services.custody import (
    custody_entry_add,
    custody_entry_attach_scan,
    custody_entry_move,
    custody_fields_clean,
)
from liaison.core.errors import DomainError, NotFound


def _panel(fetch: Any, request: HttpRequest, pk: int) -> Any:
    try:
        return fetch(request.user, pk)
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc


def _first_error(form: Any) -> str:
    return next(str(e) for errors in form.errors.values() for e in errors)


def _refused(request: HttpRequest, problem: str, template: str, context: dict[str, Any]) -> HttpResponse:
    messages.error(request, problem)
    return render(request, template, context, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def custody_register(request: HttpRequest, pk: int) -> HttpResponse:
    panel: CustodyPanel = _panel(access_custody, request, pk)
    form = CustodyEntryForm(request.POST or None, request.FILES or None)
    context = {"panel": panel, "form": form}
    if request.method == "GET":
        return render(request, "closure/custody.html", context)
    if not panel.can_edit:
        return _refused(request, _("只有本项目联络官可以登记资料保管台账。"), "closure/custody.html", context)
    if not form.is_valid():
        return _refused(request, _first_error(form), "closure/custody.html", context)
    data = form.cleaned_data
    try:
        custody_entry_add(
            actor=request.user,
            project=panel.project,
            fields=custody_fields_clean(data),
            received_on=data.get("received_on"),
            scan=data.get("scan"),
        )
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc
    except DomainError as exc:
        return _refused(request, str(exc.message), "closure/custody.html", context)
    messages.success(request, _("已登记到资料保管台账。"))
    return HttpResponseRedirect(reverse("closure:custody", args=[pk]))


def _act(request: HttpRequest, panel: CustodyEntryPanel) -> str | None:
    """Run the posted change; the problem to show, or None when it was done."""
    if request.POST.get("action") == "scan":
        scan = ScanForm(request.POST, request.FILES)
        if not scan.is_valid():
            return _first_error(scan)
        custody_entry_attach_scan(actor=request.user, entry=panel.entry, upload=scan.cleaned_data["scan"])
        return None
    move = CustodyMoveForm(request.POST)
    if not move.is_valid():
        return _first_error(move)
    data = move.cleaned_data
    custody_entry_move(
        actor=request.user,
        entry=panel.entry,
        name=data["name"],
        on=data.get("on"),
        counterpart=data.get("counterpart", ""),
        location=data.get("location", ""),
        holder=panel.officer(data.get("holder")),
        note=data.get("note", ""),
    )
    return None


@login_required
@require_http_methods(["GET", "POST"])
def custody_entry(request: HttpRequest, pk: int) -> HttpResponse:
    panel: CustodyEntryPanel = _panel(access_custody_entry, request, pk)
    context = {"panel": panel, "entry": panel.entry}
    if request.method == "GET":
        return render(request, "closure/custody_entry.html", context)
    if not panel.can_edit:
        return _refused(
            request, _("只有本项目联络官可以登记资料流转。"), "closure/custody_entry.html", context
        )
    try:
        problem = _act(request, panel)
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc
    except DomainError as exc:
        problem = str(exc.message)
    if problem:
        return _refused(request, problem, "closure/custody_entry.html", context)
    messages.success(request, _("已登记。"))
    return HttpResponseRedirect(reverse("closure:custody_entry", args=[pk]))


@login_required
@require_GET
def custody_scan(request: HttpRequest, pk: int) -> FileResponse:
    return _panel(
        lambda user, entry_id: custody_scan_file(access_custody_entry(user, entry_id).entry), request, pk
    )
