"""The shape of benchmark projects: which items, in which states, with which dates and material statuses."""

from __future__ import annotations

import datetime as dt
import random
from typing import Protocol

from liaison.catalogue.models import ApprovalItem
from liaison.catalogue.stages import Stage
from liaison.tracking.models import MaterialStatus, ProjectItem
from liaison.tracking.models import ProjectItemState as S

STAGES = list(Stage.values)
OPEN_MIX = [S.PLANNED, S.PREPARING, S.PREPARING, S.SUBMITTED, S.ACCEPTED, S.ACCEPTED, S.SUPPLEMENT_REQUESTED]
OPEN_MIX += [S.RESUBMITTED]
DONE_MIX = [S.APPROVED] * 8 + [S.NOT_NEEDED, S.NOT_APPROVED]


class Catalogue(Protocol):
    by_stage: dict[str, list[ApprovalItem]]


def item_dates(rng: random.Random, item: ProjectItem, state: str, today: dt.date, limit: int) -> None:
    """Dates consistent with the state; open items' due dates spread from 20 days late to 45 days ahead."""
    due = today + dt.timedelta(days=rng.randint(-20, 45))
    span = dt.timedelta(days=round(limit * 1.4) + 1)
    item.planned_due = due
    item.planned_start = due - span
    if state in (S.APPROVED, S.NOT_APPROVED, S.NOT_NEEDED):
        done = today - dt.timedelta(days=rng.randint(5, 200))
        item.planned_due, item.planned_start = done, done - span
        item.due_on = done
        if state != S.NOT_NEEDED:
            item.started_on = item.submitted_on = item.accepted_on = done - span
            item.decided_on = item.ended_on = done
        else:
            item.ended_on = done
        return
    item.due_on = due
    if state == S.PLANNED:
        return
    item.started_on = min(today, item.planned_start)
    if state == S.PREPARING:
        return
    item.submitted_on = min(today, due - span + dt.timedelta(days=3))
    if state == S.SUBMITTED:
        return
    item.accepted_on = item.submitted_on
    item.clock_due = due
    if state == S.SUPPLEMENT_REQUESTED:
        item.paused_since = today - dt.timedelta(days=rng.randint(0, 10))
    elif state == S.RESUBMITTED:
        item.paused_days = rng.randint(1, 6)


def project_items(
    rng: random.Random, base: Catalogue, today: dt.date
) -> tuple[str, list[tuple[ApprovalItem, str]]]:
    """The project's stage and its chosen items with states (5% unplanned, 8% finished)."""
    roll = rng.random()
    stage_index = rng.choices(range(len(STAGES)), weights=[4, 3, 2, 1])[0]
    chosen: list[tuple[ApprovalItem, str]] = []
    if roll < 0.05:
        return STAGES[stage_index], chosen
    finished = roll > 0.92
    for n, stage in enumerate(STAGES):
        pool = base.by_stage.get(stage) or []
        if not pool:
            continue
        for item in rng.sample(pool, min(len(pool), rng.randint(1, 3))):
            if finished or n < stage_index:
                state = rng.choice(DONE_MIX)
            elif n == stage_index:
                state = rng.choice(OPEN_MIX)
            else:
                state = S.PLANNED
            chosen.append((item, state))
    return STAGES[stage_index], chosen


def material_status(rng: random.Random, state: str) -> str:
    if state in (S.PLANNED, S.NOT_NEEDED):
        return MaterialStatus.MISSING
    if state == S.PREPARING:
        return rng.choice([MaterialStatus.MISSING, MaterialStatus.PROVIDED])
    if state == S.SUPPLEMENT_REQUESTED:
        return rng.choice([MaterialStatus.NEEDS_REVISION, MaterialStatus.ACCEPTED])
    return MaterialStatus.ACCEPTED
