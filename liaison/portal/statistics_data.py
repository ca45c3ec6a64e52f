"""The counts behind the public statistics, gathered in a handful of aggregate queries. Satisfaction comes
from `liaison.evaluation.figures.satisfaction_figures` (never recomputed here); complaints from
`liaison.complaints.figures.complaint_counts` (both tracks summed)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from liaison.catalogue.stages import Stage
from liaison.complaints.figures import complaint_counts as complaints_figures
from liaison.deadlines.calendar_policy import working_days_or_none
from liaison.evaluation.figures import satisfaction_figures
from liaison.intake.models import Project
from liaison.portal.statistics import ItemTimes, StatisticsInputs
from liaison.tracking.models import ProjectItem, ProjectItemState
from liaison.workcal.counters import LoadedCalendar

MONTHS = 12


def complaint_counts() -> dict[str, int] | None:
    """Complaints received and concluded on both tracks together (counts only, never a track's content),
    from `liaison.complaints.figures.complaint_counts`."""
    figures = complaints_figures()
    tracks = [value for value in figures.values() if isinstance(value, dict)]
    return {key: sum(int(track[key]) for track in tracks) for key in ("received", "concluded")}


def last_months(today: dt.date, n: int = MONTHS) -> list[dt.date]:
    """The first days of the last `n` months, oldest first, ending with today's month."""
    year, month = today.year, today.month
    out = []
    for _i in range(n):
        out.append(dt.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out[::-1]


def _month_key(value: Any) -> dt.date:
    return value.date().replace(day=1) if isinstance(value, dt.datetime) else value.replace(day=1)


def item_times() -> list[ItemTimes]:
    """Every approved item's working days from acceptance to decision, less its 补正 pause, with its promise."""
    rows: list[tuple[str, Any, Any, int, int]] = list(
        ProjectItem.objects.filter(
            state=ProjectItemState.APPROVED, accepted_on__isnull=False, decided_on__isnull=False
        ).values_list("stage", "accepted_on", "decided_on", "paused_days", "limit_days")
    )
    if not rows:
        return []
    calendar = LoadedCalendar(min(r[1] for r in rows), max(r[2] for r in rows))
    out = []
    for stage, accepted, decided, paused, limit in rows:
        days = working_days_or_none(accepted, decided, calendar)
        if days is not None:  # a year the calendar lacks: left out rather than guessed
            out.append(ItemTimes(stage, max(days - (paused or 0), 0), limit))
    return out


def statistics_inputs(today: dt.date | None = None) -> StatisticsInputs:
    """The raw counts (before suppression) as of now."""
    today = today or timezone.localdate()
    months = last_months(today)
    served = Project.objects.filter(registered_at__isnull=False)
    totals = served.aggregate(
        served=Count("id"),
        completed=Count("id", filter=Q(service_end="completed")),
        terminated=Count("id", filter=Q(service_end="terminated")),
        ended=Count("id", filter=Q(service_ended_at__isnull=False)),
    )
    approved = ProjectItem.objects.filter(state=ProjectItemState.APPROVED)
    by_stage = dict(approved.values_list("stage").annotate(n=Count("id")).order_by())
    served_by_month = {
        _month_key(r["m"]): r["n"]
        for r in served.filter(registered_at__date__gte=months[0])
        .annotate(m=TruncMonth("registered_at"))
        .values("m")
        .annotate(n=Count("id"))
        .order_by()
    }
    approved_by_month = {
        _month_key(r["m"]): r["n"]
        for r in approved.filter(decided_on__gte=months[0])
        .annotate(m=TruncMonth("decided_on"))
        .values("m")
        .annotate(n=Count("id"))
        .order_by()
    }
    figures = satisfaction_figures("all")[0]
    return StatisticsInputs(
        served=totals["served"],
        in_service=totals["served"] - totals["ended"],
        completed=totals["completed"],
        terminated=totals["terminated"],
        items_approved=sum(by_stage.values()),
        item_times=item_times(),
        stages=[(s.value, str(s.label)) for s in Stage],
        approved_by_stage=by_stage,
        months=months,
        served_by_month=served_by_month,
        approved_by_month=approved_by_month,
        evaluations=figures.evaluations,
        satisfaction_rate=figures.satisfaction_rate,
        bad_reviews=figures.bad_reviews,
        rectifications=figures.rectifications,
        rectified_on_time=figures.rectified_on_time,
        returned=figures.returned,
        complaints=complaint_counts(),
    )
