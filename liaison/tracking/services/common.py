"""Steps every tracking service shares: lock, authorise (404 vs 403), clean text, date a step, refresh the clock."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.intake.services.guard import ensure_service_open
from liaison.tracking.clock import LIVE, DayCounter, Step, item_clock
from liaison.tracking.models import CLOCK_STATES, PLAN_STATES, ProjectItem, ProjectItemState

MAX_TEXT = 2000


def authorize(*, visible: bool, allowed: bool, message: Any, missing: Any = None) -> None:
    """NotFound when the actor may not see the object, PermissionDenied(message) when they may not act."""
    if not visible:
        raise NotFound(missing or _("对象不存在或您无权查看。"))
    if not allowed:
        raise PermissionDenied(message)


def lock_item(item: ProjectItem) -> ProjectItem:
    """The item re-read under a row lock: steps on one item queue up and see each other's result."""
    locked = (
        ProjectItem.objects.select_for_update(of=("self",))
        .select_related("project__enterprise", "approval_item__department")
        .get(pk=item.pk)
    )
    ensure_service_open(locked.project)
    return locked


def clean_text(value: str | None, *, field: str, label: Any, required: bool, limit: int = MAX_TEXT) -> str:
    text = (value or "").strip()
    if required and not text:
        raise DomainError(_("请填写%(label)s。") % {"label": label}, field=field)
    if len(text) > limit:
        raise DomainError(_("%(label)s不能超过 %(n)d 个字。") % {"label": label, "n": limit}, field=field)
    return text


def step_time(at: dt.datetime | None, *, after: dt.datetime | None) -> dt.datetime:
    """When a step happened: now, or a recorded earlier moment (not in the future, not before the last step)."""
    now = timezone.now()
    if at is None:
        return now
    if timezone.is_naive(at):
        raise DomainError(_("时间须带时区。"), field="at")
    if at > now + dt.timedelta(minutes=5):
        raise DomainError(_("办理时间不能晚于当前时间。"), field="at")
    if after is not None and at < after:
        raise DomainError(_("办理时间不能早于上一步的时间（%(t)s）。") % {"t": _local(after)}, field="at")
    return at


def _local(moment: dt.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def item_steps(item: ProjectItem) -> list[Step]:
    rows = item.transitions.order_by("at", "id").values_list("to_state", "at")
    return [Step(state, timezone.localdate(at)) for state, at in rows]


def item_refresh(item: ProjectItem, *, steps: list[Step] | None = None, cal: DayCounter = LIVE) -> None:
    """Recompute the clock fields and the date the light is judged by (`due_on`); the caller saves."""
    clock = item_clock(
        limit_days=item.limit_days, steps=item_steps(item) if steps is None else steps, cal=cal
    )
    item.accepted_on = clock.accepted_on
    item.paused_since = clock.paused_since if item.state == ProjectItemState.SUPPLEMENT_REQUESTED else None
    item.paused_days = clock.paused_days
    item.clock_due = clock.due_on
    if item.state in PLAN_STATES:
        item.due_on, item.calendar_problem_year = item.planned_due, item.plan_problem_year
    elif item.state in CLOCK_STATES:
        item.due_on, item.calendar_problem_year = clock.due_on, clock.problem_year
    else:  # paused or closed: nothing to judge against
        item.due_on, item.calendar_problem_year = None, None


CLOCK_FIELDS = [
    "accepted_on",
    "paused_since",
    "paused_days",
    "clock_due",
    "due_on",
    "calendar_problem_year",
    "updated_at",
]
