"""The enterprise's dated to-dos (Art. 9) as pages show them: a light against the due date, who may tick."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from liaison.deadlines.lights import light_context, light_of
from liaison.intake.models import Project
from liaison.tracking.deadline_kinds import OBLIGATION
from liaison.tracking.lights import Light, LightContext
from liaison.tracking.models import EnterpriseObligation, ProjectItem
from liaison.tracking.policies import ActorScope, actor_scope, can_complete_obligation, can_create_obligation
from liaison.tracking.selectors.materials import obligation_list

DONE = "done"
CANCELLED = "cancelled"
OBLIGATION_LIGHT_LABELS = {
    Light.RED: _("已逾期"),
    Light.YELLOW: _("即将到期"),
    Light.GREEN: _("未到期"),
    Light.UNKNOWN: _("日历缺失"),
    DONE: _("已完成"),
    CANCELLED: _("已取消"),
}


def obligation_light_context(today: dt.date | None = None) -> LightContext:
    """Today's thresholds for the enterprise's to-dos (their own kind of deadline)."""
    return light_context(OBLIGATION.code, today)


def obligation_light(obligation: EnterpriseObligation, ctx: LightContext) -> str:
    """Cancelled or done; red once the due date has passed; yellow within N working days (inclusive); else
    green."""
    if obligation.done:
        return CANCELLED if obligation.cancel_reason else DONE
    return light_of(obligation.due_on, ctx)


@dataclass
class ObligationRow:
    obligation: EnterpriseObligation
    light: str
    can_complete: bool

    @property
    def light_label(self) -> str:
        return str(OBLIGATION_LIGHT_LABELS[self.light])


def obligation_rows(
    *,
    user: Any,
    project: Project | None = None,
    open_only: bool = False,
    limit: int | None = None,
    today: dt.date | None = None,
    scope: ActorScope | None = None,
) -> list[ObligationRow]:
    """A project's to-dos (or all those the user may see), open ones soonest first, then the done ones.

    A fixed number of queries: the user's scope once, then the rows with their project and item.
    """
    ctx = obligation_light_context(today)
    scope = scope or actor_scope(user)
    rows = []
    qs = obligation_list(user=user, project=project, open_only=open_only, scope=scope)
    for o in qs[:limit] if limit is not None else qs:
        may = can_complete_obligation(user, o, scope=scope)
        rows.append(ObligationRow(o, obligation_light(o, ctx), may))
    return rows


def obligation_items_for(
    user: Any, project: Project, items: list[ProjectItem], scope: ActorScope | None = None
) -> tuple[list[ProjectItem], bool] | None:
    """Whether the project page offers the to-do form, and with which items: the project's officer and
    the centre any item or none; a guide only their own items, and one must be chosen. None: no form."""
    if can_create_obligation(user, project, scope=scope):
        return items, False
    own = [i for i in items if can_create_obligation(user, project, i, scope=scope)]
    return (own, True) if own else None
