"""The service plan (Art. 10(1), 13): drafted from the entrustment scope, extended, confirmed as versions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.catalogue.models import ApprovalItem, GuideAssignment
from liaison.core.errors import Conflict, DomainError
from liaison.intake.models import Assignment, Entrustment, EntrustmentStatus, Project
from liaison.intake.people import enterprise_users
from liaison.intake.services.guard import ensure_service_open
from liaison.notifications.services.notify import notification_send
from liaison.tracking.messages import render_message
from liaison.tracking.models import COUNTED_STATES, PLAN_STATES, PlanVersion, ProjectItem, ServicePlan
from liaison.tracking.policies import can_edit_plan, can_view_plan
from liaison.tracking.services.common import CLOCK_FIELDS, authorize, clean_text, item_refresh
from liaison.tracking.services.plan_build import apply_slot, create_rows, place, plan_edges, scope_items
from liaison.tracking.services.rollups import rollups_refresh
from liaison.tracking.snapshot import plan_snapshot

DATE_FIELDS = ["order", "planned_start", "planned_due", "plan_problem_year", *CLOCK_FIELDS]


def _lock_project(actor: Any, project: Project, message: Any) -> Project:
    locked = Project.objects.select_for_update(of=("self",)).select_related("enterprise").get(pk=project.pk)
    authorize(
        visible=can_view_plan(actor, locked),
        allowed=can_edit_plan(actor, locked),
        message=message,
        missing=_("项目不存在或您无权查看。"),
    )
    ensure_service_open(locked)
    return locked


def _check_date(value: Any, field: str = "start_date") -> dt.date:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise DomainError(_("请填写有效的日期。"), field=field)
    return value


def plan_draft_from_entrustment(*, actor: Any, project: Project, start_date: dt.date) -> ServicePlan:
    """Draft the plan of a dispatched project from its accepted entrustment: items, order and working-day dates."""
    start_date = _check_date(start_date)
    with transaction.atomic():
        locked = _lock_project(actor, project, _("只有派任到本项目的联络官（或中心）可以制定服务方案。"))
        entrustment = Entrustment.objects.filter(project=locked, status=EntrustmentStatus.ACCEPTED).first()
        if entrustment is None or not Assignment.objects.filter(project=locked, is_active=True).exists():
            raise DomainError(_("项目的委托申请尚未受理或尚未派任联络官，不能制定服务方案。"))
        if ServicePlan.objects.filter(project=locked).exists():
            raise Conflict(_("该项目已有服务方案，请在方案中调整事项和日期。"))
        catalogue_items = scope_items(entrustment)
        if not catalogue_items:
            raise DomainError(_("委托范围内没有启用的审批事项，请先在方案中添加事项。"))
        plan = ServicePlan.objects.create(project=locked, start_date=start_date, drafted_by=actor)
        rows = create_rows(locked, catalogue_items, [])
        plan_recompute(plan, rows)
        audit_record(
            actor=actor,
            action="plan.draft",
            obj=plan,
            after={"start_date": start_date, "items": sorted(i.code for i in catalogue_items)},
            summary=_("起草服务方案（%(n)d 个事项）") % {"n": len(rows)},
        )
    return plan


def plan_recompute(plan: ServicePlan, rows: list[ProjectItem] | None = None) -> list[ProjectItem]:
    """Recompute order and dates of every row from the plan start, pins and prerequisite links."""
    items = (
        rows
        if rows is not None
        else list(plan.project.tracking_items.select_related("approval_item__department"))
    )
    slots = place(items, plan_edges(items), plan.start_date)
    for item in items:
        apply_slot(item, slots[item.approval_item_id])
        if item.state in PLAN_STATES:  # not accepted yet: the plan's due date is the one judged
            item_refresh(item, steps=[])
    ProjectItem.objects.bulk_update(items, DATE_FIELDS)
    rollups_refresh([plan.project_id])
    return items


def plan_item_add(*, actor: Any, project: Project, approval_item: ApprovalItem) -> ProjectItem:
    """Add a catalogue item to the plan; it is placed after its prerequisites and before its dependents."""
    with transaction.atomic():
        locked = _lock_project(actor, project, _("只有派任到本项目的联络官（或中心）可以调整服务方案。"))
        plan = ServicePlan.objects.select_for_update().filter(project=locked).first()
        if plan is None:
            raise DomainError(_("请先起草服务方案。"))
        if not approval_item.is_active:
            raise DomainError(
                _("事项“%(i)s”已停用，不能加入方案。") % {"i": approval_item.name}, field="item"
            )
        existing = list(locked.tracking_items.select_related("approval_item__department"))
        if any(i.approval_item_id == approval_item.pk for i in existing):
            raise DomainError(_("事项“%(i)s”已在方案中。") % {"i": approval_item.name}, field="item")
        (row,) = create_rows(locked, [approval_item], existing)
        row.approval_item = approval_item
        plan_recompute(plan, [*existing, row])
        plan.changed_since_version = True
        plan.save(update_fields=["changed_since_version", "updated_at"])
        audit_record(
            actor=actor,
            action="plan.item_add",
            obj=plan,
            after={"item": approval_item.code},
            summary=_("方案新增事项：%(i)s") % {"i": approval_item.name},
        )
    return row


def plan_confirm(*, actor: Any, project: Project, reason: str = "") -> PlanVersion:
    """Confirm the plan as it stands: a new version with its snapshot; the enterprise and guides are told."""
    reason = clean_text(reason, field="reason", label=_("说明"), required=False, limit=300)
    with transaction.atomic():
        locked = _lock_project(actor, project, _("只有派任到本项目的联络官（或中心）可以确认服务方案。"))
        plan = ServicePlan.objects.select_for_update().filter(project=locked).first()
        if plan is None:
            raise DomainError(_("请先起草服务方案。"))
        if plan.current_version and not plan.changed_since_version:
            raise DomainError(
                _("方案自第 %(n)d 版确认后没有调整，无需再次确认。") % {"n": plan.current_version}
            )
        items = list(locked.tracking_items.select_related("approval_item"))
        snapshot = plan_snapshot(plan.start_date, items)
        number = plan.current_version + 1
        version = PlanVersion.objects.create(
            plan=plan, number=number, snapshot=snapshot, reason=reason, created_by=actor
        )
        plan.current_version, plan.changed_since_version = number, False
        plan.save(update_fields=["current_version", "changed_since_version", "updated_at"])
        audit_record(
            actor=actor,
            action="plan.confirm",
            obj=plan,
            after={"version": number, "completion": snapshot["completion"], "reason": reason},
            summary=_("确认服务方案第 %(n)d 版") % {"n": number},
        )
        _notify_confirmed(locked, items, version)
    return version


def _notify_confirmed(project: Project, items: list[ProjectItem], version: PlanVersion) -> None:
    counted = [i for i in items if i.state in COUNTED_STATES]
    guides = [
        g.guide
        for g in GuideAssignment.objects.filter(
            item_id__in=[i.approval_item_id for i in counted], is_active=True
        ).select_related("guide")
    ]
    title, body = render_message(
        "plan.confirmed",
        project=project.name,
        number=version.number,
        count=len(counted),
        end=version.snapshot["completion"] or _("（部分日期待工作日历录入后确定）"),
        reason=version.reason,
    )
    notification_send(
        recipients=[*enterprise_users(project), *guides],
        kind="plan.confirmed",
        event_key=f"plan.confirmed:{version.plan_id}:{version.number}",
        title=title,
        body=body,
        url=f"/tracking/projects/{project.pk}/plan/",
    )
