"""Keeping the working-day calendar: single days, and whole years from the State Council notice.

Only centre staff (center_admin) write here; every write is audited in its own transaction.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record, snapshot
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.workcal.calendar import PACKAGE_YEARS
from liaison.workcal.models import CalendarOverride, CalendarYear, DayKind
from liaison.workcal.policies import can_edit_calendar

MIN_YEAR, MAX_YEAR = 2004, 2099
OVERRIDE_FIELDS = ("date", "kind", "name")
YEAR_FIELDS = ("year", "notice")

DayList = list[tuple[dt.date, str]]


def _require_editor(actor: Any) -> None:
    if not can_edit_calendar(actor):
        raise PermissionDenied(_("只有中心管理员可以维护工作日历。"))


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DomainError(_("年份应在%(lo)d至%(hi)d之间。") % {"lo": MIN_YEAR, "hi": MAX_YEAR}, field="year")


def _clean_name(name: str) -> str:
    name = (name or "").strip()
    if len(name) > 60:
        raise DomainError(_("名称不能超过60个字符。"), field="name")
    return name


def _clean_notice(notice: str) -> str:
    notice = (notice or "").strip()
    if not notice:
        raise DomainError(_("请填写依据的国务院办公厅通知（文号或标题）。"), field="notice")
    if len(notice) > 200:
        raise DomainError(_("通知名称不能超过200个字符。"), field="notice")
    return notice


def calendar_override_set(*, actor: Any, date: dt.date, kind: str, name: str = "") -> CalendarOverride:
    """Declare `date` a statutory rest day or a make-up working day (replacing any earlier entry)."""
    _require_editor(actor)
    _check_year(date.year)
    if kind not in DayKind.values:
        raise DomainError(_("类型应为“法定节假日（休息）”或“调休上班日”。"), field="kind")
    name = _clean_name(name)
    with transaction.atomic():
        override = CalendarOverride.objects.select_for_update().filter(date=date).first()
        before = snapshot(override, OVERRIDE_FIELDS) if override else None
        if override is None:
            override = CalendarOverride(date=date)
        override.kind, override.name, override.updated_by = kind, name, actor
        override.save()
        audit_record(
            actor=actor,
            action="calendar_override.set",
            obj=override,
            object_id=date.isoformat(),
            before=before,
            after=snapshot(override, OVERRIDE_FIELDS),
            summary=_("%(date)s 设为%(kind)s %(name)s")
            % {"date": date.isoformat(), "kind": override.get_kind_display(), "name": name},
        )
    return override


def calendar_override_delete(*, actor: Any, date: dt.date) -> None:
    """Remove the centre's entry for `date`; the day falls back to the package or the weekday rule."""
    _require_editor(actor)
    with transaction.atomic():
        override = CalendarOverride.objects.select_for_update().filter(date=date).first()
        if override is None:
            raise NotFound(_("%(date)s 没有节假日调整。") % {"date": date.isoformat()})
        before = snapshot(override, OVERRIDE_FIELDS)
        audit_record(
            actor=actor,
            action="calendar_override.delete",
            obj=override,
            object_id=date.isoformat(),
            before=before,
            after=None,
            summary=_("删除 %(date)s 的节假日调整") % {"date": date.isoformat()},
        )
        override.delete()


def _save_year(*, actor: Any, year: int, notice: str) -> tuple[CalendarYear, dict[str, Any] | None]:
    entry = CalendarYear.objects.select_for_update().filter(year=year).first()
    before = snapshot(entry, YEAR_FIELDS) if entry else None
    if entry is None:
        entry = CalendarYear(year=year, published_by=actor)
    entry.notice = notice
    entry.save()
    return entry, before


def calendar_year_publish(*, actor: Any, year: int, notice: str) -> CalendarYear:
    """Mark `year` as entered from the State Council notice, after its holidays were entered day by day."""
    _require_editor(actor)
    _check_year(year)
    notice = _clean_notice(notice)
    with transaction.atomic():
        has_holidays = CalendarOverride.objects.filter(date__year=year, kind=DayKind.HOLIDAY).exists()
        if year not in PACKAGE_YEARS and not has_holidays:
            raise DomainError(
                _("%(year)d年还没有录入任何法定节假日，不能标记为已录入。") % {"year": year}, field="year"
            )
        entry, before = _save_year(actor=actor, year=year, notice=notice)
        audit_record(
            actor=actor,
            action="calendar_year.publish",
            obj=entry,
            object_id=year,
            before=before,
            after=snapshot(entry, YEAR_FIELDS),
            summary=_("%(year)d年节假日安排已录入（%(notice)s）") % {"year": year, "notice": notice},
        )
    return entry


def _schedule_errors(year: int, holidays: DayList, workdays: DayList) -> list[str]:
    errors = []
    for day, name in [*holidays, *workdays]:
        if day.year != year:
            errors.append(_("%(d)s 不在%(y)d年内。") % {"d": day.isoformat(), "y": year})
        if len((name or "").strip()) > 60:
            errors.append(_("%(d)s 的名称超过60个字符。") % {"d": day.isoformat()})
    for label, days in ((_("休息日"), holidays), (_("上班日"), workdays)):
        repeated = sorted(d for d, n in Counter(d for d, _name in days).items() if n > 1)
        errors.extend(_("%(d)s 在%(what)s中重复。") % {"d": d.isoformat(), "what": label} for d in repeated)
    both = sorted({d for d, _n in holidays} & {d for d, _n in workdays})
    errors.extend(_("%(d)s 不能同时是休息日和上班日。") % {"d": d.isoformat()} for d in both)
    if not holidays:
        errors.append(_("请至少录入一个法定节假日。"))
    return errors


def calendar_year_import(
    *, actor: Any, year: int, notice: str, holidays: DayList, workdays: DayList
) -> CalendarYear:
    """Enter a whole year at once: its rest days and make-up working days replace the year's entries."""
    _require_editor(actor)
    _check_year(year)
    notice = _clean_notice(notice)
    errors = _schedule_errors(year, holidays, workdays)
    if errors:
        raise DomainError("；".join(errors), field="days", details=errors)
    wanted = {d: (DayKind.HOLIDAY, (n or "").strip()) for d, n in holidays}
    wanted.update({d: (DayKind.WORKDAY, (n or "").strip()) for d, n in workdays})
    with transaction.atomic():
        existing = {o.date: o for o in CalendarOverride.objects.select_for_update().filter(date__year=year)}
        removed = sorted(d for d in existing if d not in wanted)
        CalendarOverride.objects.filter(date__in=removed).delete()
        for day, (kind, name) in sorted(wanted.items()):
            override = existing.get(day) or CalendarOverride(date=day)
            override.kind, override.name, override.updated_by = kind, name, actor
            override.save()
        entry, before = _save_year(actor=actor, year=year, notice=notice)
        audit_record(
            actor=actor,
            action="calendar_year.import",
            obj=entry,
            object_id=year,
            before=before,
            after=snapshot(entry, YEAR_FIELDS),
            extra={
                "holidays": [f"{d.isoformat()} {n}".strip() for d, n in sorted(holidays)],
                "workdays": [f"{d.isoformat()} {n}".strip() for d, n in sorted(workdays)],
                "removed": [d.isoformat() for d in removed],
            },
            summary=_("录入%(year)d年节假日安排：休息日%(h)d天，调休上班日%(w)d天")
            % {"year": year, "h": len(holidays), "w": len(workdays)},
        )
    return entry
