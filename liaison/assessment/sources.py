"""The raw values of the indicators, read from the record through the other apps' models and figures.

Every function takes the period's first and last day and answers {subject id: raw value}; a subject
missing from the answer has no data for a rate (counts: none counted). Officers are keyed by Officer id,
guides by their account's id, departments by Department id — the keys the evaluation figures use."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from liaison.closure.models import ServiceStep
from liaison.closure.services.settings import closure_settings
from liaison.consultations.models import Consultation, OpinionReply
from liaison.deadlines.calendar_policy import deadline_after
from liaison.evaluation.figures import rate, satisfaction_figures
from liaison.intake.models import Assignment
from liaison.tracking.models import ProjectItem, ProjectItemState

# The officer relays a guide's first reply to the enterprise within this many working days (Art. 14).
RELAY_DAYS = 2
DECIDED = (ProjectItemState.APPROVED, ProjectItemState.NOT_APPROVED)

Raw = dict[int, Decimal | int]


def _rates(pairs: dict[int, list[int]]) -> Raw:
    """{id: [on time, counted]} -> {id: percentage}; ids with nothing counted have no data."""
    out: Raw = {}
    for key, (good, total) in pairs.items():
        value = rate(good, total)
        if value is not None:
            out[key] = value
    return out


def _officers_by_project(project_ids: Iterable[int], start: dt.date, end: dt.date) -> dict[int, set[int]]:
    """The officers assigned to each project at some moment of the period."""
    out: dict[int, set[int]] = defaultdict(set)
    for a in _assignments(start, end).filter(project_id__in=set(project_ids)):
        out[a.project_id].add(a.officer_id)
    return out


def _assignments(start: dt.date, end: dt.date) -> Any:
    return Assignment.objects.filter(assigned_at__date__lte=end).filter(
        Q(ended_at__isnull=True) | Q(ended_at__date__gte=start)
    )


def items_on_time(start: dt.date, end: dt.date) -> Raw:
    """Items decided (approved or refused) in the period on or before their clock's due date — the
    promised working days plus the 补正 pause (tracking's `clock_due`); credited to the project's officers."""
    items = list(
        ProjectItem.objects.filter(
            state__in=DECIDED, decided_on__range=(start, end), clock_due__isnull=False
        ).values_list("project_id", "decided_on", "clock_due")
    )
    officers = _officers_by_project([p for p, _d, _c in items], start, end)
    pairs: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for project_id, decided_on, clock_due in items:
        for officer_id in officers.get(project_id, ()):
            pairs[officer_id][0] += bool(decided_on and clock_due and decided_on <= clock_due)
            pairs[officer_id][1] += 1
    return _rates(pairs)


def replies_relayed_on_time(start: dt.date, end: dt.date) -> Raw:
    """Consultations first answered in the period whose answer the officer who raised them relayed within
    RELAY_DAYS working days; one not relayed counts as late once that time has passed."""
    from liaison.officers.models import Officer  # noqa: PLC0415

    today = timezone.localdate()
    officer_of = dict(Officer.objects.values_list("user_id", "pk"))
    pairs: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    rows = Consultation.objects.filter(first_replied_at__date__range=(start, end)).values_list(
        "raised_by_id", "first_replied_at", "relayed_at"
    )
    for raised_by, replied_at, relayed_at in rows:
        officer_id = officer_of.get(raised_by)
        due = deadline_after(timezone.localdate(replied_at), RELAY_DAYS).due_on
        if officer_id is None or due is None:
            continue
        if relayed_at is None and due >= today:
            continue  # still within its time
        pairs[officer_id][0] += relayed_at is not None and timezone.localdate(relayed_at) <= due
        pairs[officer_id][1] += 1
    return _rates(pairs)


def handovers_on_time(start: dt.date, end: dt.date) -> Raw:
    """Handover lists the enterprise confirmed in the period within the closure settings' receipt period
    (working days after the officer prepared the list); credited to the project's officers."""
    days = closure_settings().receipt_days
    steps = ServiceStep.objects.filter(name__in=("prepare_completion", "confirm_receipt")).order_by(
        "at", "id"
    )
    prepared: dict[int, dt.date] = {}
    confirmed: list[tuple[int, int, bool]] = []
    for s in steps.values("service_id", "service__project_id", "name", "at"):
        day = timezone.localdate(s["at"])
        if s["name"] == "prepare_completion":
            prepared[s["service_id"]] = day
        elif start <= day <= end and s["service_id"] in prepared:
            due = deadline_after(prepared[s["service_id"]], days).due_on
            confirmed.append((s["service__project_id"], s["service_id"], due is not None and day <= due))
    officers = _officers_by_project([p for p, _s, _ok in confirmed], start, end)
    pairs: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for project_id, _service, ok in confirmed:
        for officer_id in officers.get(project_id, ()):
            pairs[officer_id][0] += ok
            pairs[officer_id][1] += 1
    return _rates(pairs)


def projects_served(start: dt.date, end: dt.date) -> Raw:
    """The officer's load: distinct projects assigned to them at some moment of the period."""
    rows = _assignments(start, end).values("officer_id").annotate(n=Count("project_id", distinct=True))
    return {r["officer_id"]: r["n"] for r in rows}


def _replies_on_time(start: dt.date, end: dt.date, by: str) -> Raw:
    """First replies given in the period within the consultation's reply deadline (`on_time`)."""
    rows = (
        OpinionReply.objects.filter(seq=1, replied_at__date__range=(start, end))
        .values(by)
        .annotate(n=Count("id"), good=Count("id", filter=Q(on_time=True)))
        .order_by()
    )
    return _rates({r[by]: [r["good"], r["n"]] for r in rows})


def _supplements(start: dt.date, end: dt.date, by: str) -> Raw:
    """Supplementary notifications (补充告知): replies adding what the first notice left out."""
    rows = (
        OpinionReply.objects.filter(is_supplementary=True, replied_at__date__range=(start, end))
        .values(by)
        .annotate(n=Count("id"))
        .order_by()
    )
    return {r[by]: r["n"] for r in rows}


def guide_replies_on_time(start: dt.date, end: dt.date) -> Raw:
    return _replies_on_time(start, end, "guide_id")


def department_replies_on_time(start: dt.date, end: dt.date) -> Raw:
    return _replies_on_time(start, end, "department_id")


def guide_supplements(start: dt.date, end: dt.date) -> Raw:
    return _supplements(start, end, "guide_id")


def department_supplements(start: dt.date, end: dt.date) -> Raw:
    return _supplements(start, end, "department_id")


def satisfaction(dimension: str) -> Any:
    """The satisfaction rate of liaison.evaluation.figures (invitations opened in the period)."""

    def compute(start: dt.date, end: dt.date) -> Raw:
        rows = satisfaction_figures(dimension, since=start, until=end)
        return {
            r.key: r.satisfaction_rate for r in rows if r.key is not None and r.satisfaction_rate is not None
        }

    return compute


def bad_reviews(dimension: str) -> Any:
    """Bad reviews counted by liaison.evaluation.figures (an upheld appeal takes one out)."""

    def compute(start: dt.date, end: dt.date) -> Raw:
        rows = satisfaction_figures(dimension, since=start, until=end)
        return {r.key: r.bad_reviews for r in rows if r.key is not None and r.bad_reviews}

    return compute
