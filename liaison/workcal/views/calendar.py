"""The working-day calendar page: a year's grid, the centre's entries, entering a year, a calculator."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as HttpForbidden
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from liaison.core.errors import DomainError
from liaison.workcal.calendar import (
    SOURCE_LABELS,
    add_working_days,
    missing_years,
    next_year_warning,
    working_days_between,
)
from liaison.workcal.forms import (
    AddWorkingDaysForm,
    BetweenForm,
    OverrideDeleteForm,
    OverrideForm,
    YearImportForm,
    YearPublishForm,
)
from liaison.workcal.policies import can_edit_calendar, can_view_calendar
from liaison.workcal.schedule_text import parse_schedule_text
from liaison.workcal.selectors.calendar import calendar_override_list, calendar_year_grid, calendar_year_list
from liaison.workcal.services.overrides import (
    MAX_YEAR,
    MIN_YEAR,
    calendar_override_delete,
    calendar_override_set,
    calendar_year_import,
    calendar_year_publish,
)


def _year_from(request: HttpRequest) -> int:
    raw = request.GET.get("year") or request.POST.get("year") or ""
    today_year = timezone.localdate().year
    try:
        year = int(raw)
    except ValueError:
        return today_year
    return year if MIN_YEAR <= year <= MAX_YEAR else today_year


def _back(year: int) -> HttpResponseRedirect:
    return HttpResponseRedirect(f"{reverse('workcal:calendar')}?year={year}")


def _calculator(request: HttpRequest) -> dict[str, Any]:
    """The two calculator forms, bound when submitted, with their result or error."""
    out: dict[str, Any] = {
        "add_form": AddWorkingDaysForm(prefix="add"),
        "between_form": BetweenForm(prefix="btw"),
    }
    calc = request.GET.get("calc")
    if calc == "add":
        add_form = AddWorkingDaysForm(request.GET, prefix="add")
        out["add_form"] = add_form
        if add_form.is_valid():
            try:
                out["add_result"] = add_working_days(
                    add_form.cleaned_data["start"], add_form.cleaned_data["n"]
                )
            except DomainError as exc:
                out["calc_error"] = str(exc.message)
    elif calc == "between":
        between_form = BetweenForm(request.GET, prefix="btw")
        out["between_form"] = between_form
        if between_form.is_valid():
            try:
                out["between_result"] = working_days_between(
                    between_form.cleaned_data["start"], between_form.cleaned_data["end"]
                )
            except DomainError as exc:
                out["calc_error"] = str(exc.message)
    return out


def _render_page(request: HttpRequest, year: int, **forms: Any) -> HttpResponse:
    today = timezone.localdate()
    editable = bool(can_edit_calendar(request.user))
    missing_next = next_year_warning(today)
    context: dict[str, Any] = {
        "year": year,
        "prev_year": year - 1,
        "next_year": year + 1,
        "months": calendar_year_grid(year=year),
        "overrides": calendar_override_list(year=year),
        "entered_years": calendar_year_list(),
        "missing_next_year": missing_next,
        "year_missing": bool(missing_years([year])),
        "source_labels": SOURCE_LABELS,
        "allowed_actions": {"edit": editable},
        "override_form": forms.get("override_form") or OverrideForm(),
        "import_form": forms.get("import_form")
        or YearImportForm(initial={"year": missing_next or today.year + 1}),
        "publish_form": forms.get("publish_form") or YearPublishForm(initial={"year": year}),
        **_calculator(request),
    }
    status = 400 if any(f.errors for f in forms.values() if f is not None) else 200
    return render(request, "workcal/calendar.html", context, status=status)


@login_required
def calendar_page(request: HttpRequest) -> HttpResponse:
    if not can_view_calendar(request.user):
        raise HttpForbidden
    return _render_page(request, _year_from(request))


def _require_editor(request: HttpRequest) -> None:
    if not can_edit_calendar(request.user):
        raise HttpForbidden(_("只有中心管理员可以维护工作日历。"))


@login_required
@require_POST
def override_set(request: HttpRequest) -> HttpResponse:
    _require_editor(request)
    form = OverrideForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            calendar_override_set(actor=request.user, date=data["date"], kind=data["kind"], name=data["name"])
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, str(exc.message))
        else:
            messages.success(request, _("已保存 %(d)s 的节假日调整。") % {"d": data["date"].isoformat()})
            return _back(data["date"].year)
    return _render_page(request, _year_from(request), override_form=form)


@login_required
@require_POST
def override_delete(request: HttpRequest) -> HttpResponse:
    _require_editor(request)
    form = OverrideDeleteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("日期无效。"))
        return _back(_year_from(request))
    day = form.cleaned_data["date"]
    try:
        calendar_override_delete(actor=request.user, date=day)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("已删除 %(d)s 的节假日调整。") % {"d": day.isoformat()})
    return _back(day.year)


@login_required
@require_POST
def year_import(request: HttpRequest) -> HttpResponse:
    _require_editor(request)
    form = YearImportForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            parsed = parse_schedule_text(data["text"])
            calendar_year_import(
                actor=request.user,
                year=data["year"],
                notice=data["notice"],
                holidays=parsed.holidays,
                workdays=parsed.workdays,
            )
        except DomainError as exc:
            field = exc.field if exc.field in form.fields else "text"
            for message in exc.details or [str(exc.message)]:
                form.add_error(field, message)
        else:
            messages.success(request, _("%(y)d年节假日安排已录入。") % {"y": data["year"]})
            return _back(data["year"])
    return _render_page(request, _year_from(request), import_form=form)


@login_required
@require_POST
def year_publish(request: HttpRequest) -> HttpResponse:
    _require_editor(request)
    form = YearPublishForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            calendar_year_publish(actor=request.user, year=data["year"], notice=data["notice"])
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, str(exc.message))
        else:
            messages.success(request, _("%(y)d年已标记为已录入。") % {"y": data["year"]})
            return _back(data["year"])
    return _render_page(request, _year_from(request), publish_form=form)
