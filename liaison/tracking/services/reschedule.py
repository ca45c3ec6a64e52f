"""Moving one item of the plan: every item that depends on it moves too; preview first, then apply."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.errors import DomainError
from liaison.intake.services.guard import ensure_service_open
from liaison.tracking.models import PLAN_STATES, ProjectItem, ServicePlan
from liaison.tracking.policies import can_edit_plan, can_view_plan
from liaison.tracking.scheduling import Slot
from liaison.tracking.services.common import authorize, item_refresh
from liaison.tracking.services.plan_build import apply_slot, place, plan_edges
from liaison.tracking.services.plans import DATE_FIELDS
from liaison.tracking.services.rollups import rollups_refresh


@dataclass(frozen=True)
class DateChange:
    """One row of a reschedule preview."""

    project_item_id: int
    code: str
    name: str
    old_start: dt.date | None
    old_due: dt.date | None
    new_start: dt.date | None
    new_due: dt.date | None
    problem_year: int | None = None


def lock_plan(item: ProjectItem) -> tuple[ServicePlan, list[ProjectItem], ProjectItem]:
    plan = ServicePlan.objects.select_for_update().select_related("project").get(project_id=item.project_id)
    ensure_service_open(plan.project)
    items = list(plan.project.tracking_items.select_related("approval_item__department", "project"))
    target = next(i for i in items if i.pk == item.pk)
    return plan, items, target


def _check_movable(items: list[ProjectItem], target: ProjectItem, start: Any) -> None:
    if not isinstance(start, dt.date) or isinstance(start, dt.datetime):
        raise DomainError(_("请填写有效的计划开始日期。"), field="planned_start")
    if target.state not in PLAN_STATES:
        raise DomainError(
            _("事项当前为“%(s)s”，已进入部门办理，计划日期不再调整（以受理后的办理期限为准）。")
            % {"s": target.get_state_display()},
            field="planned_start",
        )
    by_id = {i.approval_item_id: i for i in items}
    for item_id, prerequisite_id in plan_edges(items):
        before = by_id[prerequisite_id]
        if item_id == target.approval_item_id and before.planned_due and start < before.planned_due:
            raise DomainError(
                _("计划开始日期不能早于前置事项“%(p)s”的计划办结日期 %(d)s。")
                % {"p": before.approval_item.name, "d": before.planned_due.isoformat()},
                field="planned_start",
            )


def reschedule_plan(
    plan: ServicePlan, items: list[ProjectItem], target: ProjectItem, start: dt.date, *, apply: bool
) -> list[DateChange]:
    """Pin `target` at `start` and recompute; the rows whose dates move (written only when `apply`)."""
    _check_movable(items, target, start)
    old = {i.pk: (i.planned_start, i.planned_due) for i in items}
    previous_pin = target.pinned_start
    target.pinned_start = start
    slots: dict[Any, Slot] = place(items, plan_edges(items), plan.start_date)
    changes = []
    for item in items:
        slot = slots[item.approval_item_id]
        if (slot.start, slot.due) != old[item.pk]:
            changes.append(
                DateChange(
                    item.pk,
                    item.approval_item.code,
                    item.approval_item.name,
                    *old[item.pk],
                    slot.start,
                    slot.due,
                    slot.problem_year,
                )
            )
        if apply:
            apply_slot(item, slot)
            if item.state in PLAN_STATES:
                item_refresh(item, steps=[])
    if not apply:
        target.pinned_start = previous_pin
        return changes
    ProjectItem.objects.bulk_update(items, [*DATE_FIELDS, "pinned_start"])
    rollups_refresh([plan.project_id])
    plan.changed_since_version = True
    plan.save(update_fields=["changed_since_version", "updated_at"])
    return changes


def plan_item_reschedule(
    *, actor: Any, project_item: ProjectItem, planned_start: dt.date, confirm: bool = False
) -> list[DateChange]:
    """Move an item's planned start; every dependent item moves with it. Without `confirm`, only a preview."""
    with transaction.atomic():
        plan, items, target = lock_plan(project_item)
        authorize(
            visible=can_view_plan(actor, plan.project),
            allowed=can_edit_plan(actor, plan.project),
            message=_("只有派任到本项目的联络官（或中心）可以调整计划日期。"),
            missing=_("项目不存在或您无权查看。"),
        )
        changes = reschedule_plan(plan, items, target, planned_start, apply=confirm)
        if confirm and changes:
            audit_record(
                actor=actor,
                action="plan.reschedule",
                obj=plan,
                extra={"item": target.approval_item.code, "changes": [c.__dict__ for c in changes]},
                summary=_("调整“%(i)s”计划开始日期为 %(d)s，联动 %(n)d 个事项")
                % {"i": target.approval_item.name, "d": planned_start.isoformat(), "n": len(changes)},
            )
    return changes
