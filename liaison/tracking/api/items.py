"""/api/v1/tracking: a project's items, a step on an item, the timeline, the 待办 list and the overview."""

# No `from __future__ import annotations` here: @paginate's wrapper lives in ninja, so ninja would
# resolve string annotations of the paginated handlers there and miss the bounded types (Id).

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router
from ninja.pagination import paginate

from liaison.core.bounds import Id
from liaison.core.errors import DomainError, PermissionDenied
from liaison.core.paging import ApiPagination
from liaison.intake.policies import READ_ALL_ROLES
from liaison.tracking.api.schemas import (
    ProjectItemOut,
    ResultIn,
    TimelineOut,
    TrackingOverviewOut,
    TransitionIn,
    item_out,
)
from liaison.tracking.lights import light_context
from liaison.tracking.models import ProjectItem
from liaison.tracking.policies import actor_scope, project_roles
from liaison.tracking.selectors.dashboards import centre_overview
from liaison.tracking.selectors.items import access_project_item, project_item_list, project_item_todo_list
from liaison.tracking.selectors.plans import access_plan_project
from liaison.tracking.selectors.rows import annotated_items, build_rows
from liaison.tracking.selectors.timeline import project_timeline
from liaison.tracking.services.project_items import (
    project_item_approve,
    project_item_request_supplement,
    project_item_transition,
)
from liaison.tracking.services.results import (
    ResultDocument,
    project_item_record_result,
    result_document_clean,
)

router = Router(tags=["tracking"])


def item_row_out(user: Any, item_id: int) -> dict[str, Any]:
    """One item as the lists show it (light, remaining days, the caller's actions)."""
    ctx = light_context()
    qs = annotated_items(ProjectItem.objects.filter(pk=item_id), ctx)
    return item_out(build_rows(qs, ctx, user=user, scope=actor_scope(user))[0])


@router.get(
    "/projects/{project_id}/items", response=list[ProjectItemOut], summary="A project's items with lights"
)
@paginate(ApiPagination)
def list_items(request: HttpRequest, project_id: Id) -> Any:
    project = access_plan_project(request.user, project_id)
    return [item_out(row) for row in project_item_list(user=request.user, project=project)]


@router.post(
    "/items/{item_id}/transitions", response=ProjectItemOut, summary="Take a step (受理, 补正, 办结 …)"
)
def take_transition(request: HttpRequest, item_id: Id, payload: TransitionIn) -> Any:
    item = access_project_item(request.user, item_id)
    if payload.name == "request_supplement":
        project_item_request_supplement(
            actor=request.user, project_item=item, missing=payload.missing, due_on=payload.due_on
        )
    elif payload.name == "approve":  # the approval asks for its result document
        if payload.result is None:
            raise DomainError(_("办结时请填写审批结果文件（文号、发文机关、日期）。"), field="result")
        project_item_approve(
            actor=request.user, project_item=item, comment=payload.comment, result=_result(payload.result)
        )
    else:
        project_item_transition(
            actor=request.user,
            project_item=item,
            name=payload.name,
            comment=payload.comment,
            due_on=payload.due_on,
        )
    return item_row_out(request.user, item.pk)


def _result(data: ResultIn) -> ResultDocument:
    return result_document_clean(
        name=data.name, number=data.number, issuer=data.issuer, issued_on=data.issued_on
    )


@router.post(
    "/items/{item_id}/result", response=ProjectItemOut, summary="Record an approved item's result document"
)
def record_result(request: HttpRequest, item_id: Id, payload: ResultIn) -> Any:
    item = access_project_item(request.user, item_id)
    project_item_record_result(actor=request.user, project_item=item, result=_result(payload))
    return item_row_out(request.user, item.pk)


@router.get("/projects/{project_id}/timeline", response=TimelineOut, summary="The enterprise's progress view")
def timeline(request: HttpRequest, project_id: Id) -> Any:
    project = access_plan_project(request.user, project_id)
    if not project_roles(request.user, project):
        raise PermissionDenied(_("只有项目单位、本项目联络官和中心可以查看办理动态。"))
    return project_timeline(project=project)


@router.get(
    "/todo", response=list[ProjectItemOut], summary="The officer's and the guide's 待办, most urgent first"
)
@paginate(ApiPagination)
def todo(request: HttpRequest) -> Any:
    return [item_out(row) for row in project_item_todo_list(user=request.user)]


@router.get("/overview", response=TrackingOverviewOut, summary="The centre's overview: stages, lights, load")
def overview(request: HttpRequest) -> Any:
    if not request.user.has_role(*READ_ALL_ROLES):  # type: ignore[union-attr]
        raise PermissionDenied(_("只有政务服务中心和监督人员可以查看总览。"))
    data = centre_overview()
    return {
        "today": data.today,
        "by_stage": data.by_stage,
        "overdue_by_department": data.overdue_by_department,
        "officers": [
            {
                "number": o.officer.number,
                "name": o.officer.user.display_name,
                "projects": o.projects,
                "open_items": o.open_items,
                "lights": dict(o.lights.counts),
            }
            for o in data.officers
        ],
        "items": dict(data.items.counts),
    }
