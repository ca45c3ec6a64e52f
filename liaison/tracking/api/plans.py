"""/api/v1/tracking: the service plan: read, draft, confirm, reschedule one item (preview or apply)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status

from liaison.catalogue.models import ApprovalItem
from liaison.core.bounds import Id
from liaison.core.errors import DomainError
from liaison.tracking.api.items import item_row_out
from liaison.tracking.api.schemas import (
    ConfirmIn,
    DateChangeOut,
    DraftIn,
    PlanItemIn,
    PlanOut,
    ProjectItemOut,
    RescheduleIn,
    VersionOut,
    item_out,
)
from liaison.tracking.selectors.items import access_project_item
from liaison.tracking.selectors.plans import PlanView, access_plan_project, plan_view
from liaison.tracking.services.plans import plan_confirm, plan_draft_from_entrustment, plan_item_add
from liaison.tracking.services.reschedule import plan_item_reschedule

router = Router(tags=["tracking"])


def plan_out(view: PlanView) -> dict[str, Any]:
    plan = view.plan
    return {
        "project_id": view.project.pk,
        "drafted": plan is not None,
        "start_date": plan.start_date if plan else None,
        "current_version": plan.current_version if plan else 0,
        "changed_since_version": plan.changed_since_version if plan else False,
        "planned_end": view.planned_end,
        "projected_end": view.projected_end,
        "partial": view.partial,
        "can_edit": view.can_edit,
        "stages": [
            {
                "stage": s.stage,
                "label": s.label,
                "planned_end": s.planned_end,
                "projected_end": s.projected_end,
                "items": [item_out(r) for r in s.items],
            }
            for s in view.stages
        ],
        "links": view.links,
    }


@router.get(
    "/projects/{project_id}/plan", response=PlanOut, summary="The plan by stage with lights and links"
)
def get_plan(request: HttpRequest, project_id: Id) -> Any:
    project = access_plan_project(request.user, project_id)
    return plan_out(plan_view(user=request.user, project=project))


@router.post(
    "/projects/{project_id}/plan/draft", response={201: PlanOut}, summary="Draft from the entrustment"
)
def draft_plan(request: HttpRequest, project_id: Id, payload: DraftIn) -> Any:
    project = access_plan_project(request.user, project_id)
    plan_draft_from_entrustment(actor=request.user, project=project, start_date=payload.start_date)
    return Status(201, plan_out(plan_view(user=request.user, project=project)))


@router.post(
    "/projects/{project_id}/plan/confirm", response={201: VersionOut}, summary="Confirm: a new version"
)
def confirm_plan(request: HttpRequest, project_id: Id, payload: ConfirmIn) -> Any:
    project = access_plan_project(request.user, project_id)
    version = plan_confirm(actor=request.user, project=project, reason=payload.reason)
    return Status(
        201,
        {
            "number": version.number,
            "reason": version.reason,
            "created_at": version.created_at,
            "completion": version.snapshot.get("completion"),
        },
    )


@router.post(
    "/projects/{project_id}/plan/items",
    response={201: ProjectItemOut},
    summary="Add one catalogue item to the plan (placed after its prerequisites)",
)
def add_plan_item(request: HttpRequest, project_id: Id, payload: PlanItemIn) -> Any:
    project = access_plan_project(request.user, project_id)
    approval_item = ApprovalItem.objects.filter(pk=payload.approval_item_id).first()
    if approval_item is None:
        raise DomainError(_("所选事项不在事项目录中。"), field="approval_item_id")
    row = plan_item_add(actor=request.user, project=project, approval_item=approval_item)
    return Status(201, item_row_out(request.user, row.pk))


@router.post(
    "/items/{item_id}/reschedule",
    response=list[DateChangeOut],
    summary="Move an item's start; the items that move (applied only with confirm)",
)
def reschedule(request: HttpRequest, item_id: Id, payload: RescheduleIn) -> Any:
    item = access_project_item(request.user, item_id)
    return plan_item_reschedule(
        actor=request.user, project_item=item, planned_start=payload.planned_start, confirm=payload.confirm
    )
