"""/api/v1/coordination: difficulties and their escalation (Art. 10(4), 18, 19) over HTTP.

Thin handlers over the same selectors and services as the pages. A difficulty the caller may not see
answers 404; a step their role may not take 403; a refusal 400 with the Chinese message and its field.
"""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from liaison.coordination.api_actions import router as actions_router
from liaison.coordination.api_meetings import router as meetings_router
from liaison.coordination.models import Difficulty, DifficultyState
from liaison.coordination.selectors.difficulties import DifficultyDetail, difficulty_detail, difficulty_list
from liaison.coordination.services.difficulties import difficulty_raise, difficulty_step
from liaison.core.bounds import Id
from liaison.core.errors import DomainError
from liaison.core.paging import ApiPagination
from liaison.intake.selectors.projects import access_project
from liaison.tracking.models import ProjectItem

router = Router(tags=["coordination"])
router.add_router("", meetings_router)
router.add_router("", actions_router)
STATES = ["active", *DifficultyState.values]


class DifficultyFields(Schema):
    id: int
    number: str
    project_id: int
    project: str
    project_item_id: int | None
    title: str
    state: str
    state_label: str
    raised_at: dt.datetime
    ended_at: dt.datetime | None
    outcome: str


class DifficultyOut(DifficultyFields):
    """A list row, read straight from the model (the list is paginated before it is read)."""

    @staticmethod
    def resolve_project(obj: Difficulty) -> str:
        return obj.project.name

    @staticmethod
    def resolve_state_label(obj: Difficulty) -> str:
        return str(obj.get_state_display())


class StepOut(Schema):
    name: str
    from_state: str
    to_state: str
    actor: str
    acting_role: str
    comment: str
    at: dt.datetime


class DifficultyDetailOut(DifficultyFields):
    description: str | None = Field(description="Staff only; null for the enterprise")
    analysis: str | None
    proposal: str | None
    category: str | None
    steps: list[StepOut]
    actions: list[str] = Field(description="Steps the caller may take now")


class DifficultyFilterIn(Schema):
    state: str = Field(default="", description="active, or one of the states")
    project: Id | None = None


class DifficultyRaiseIn(Schema):
    project_id: Id
    title: str
    description: str
    analysis: str = Field(default="", description="Why it happens (Art. 10(4)); required")
    proposal: str = Field(default="", description="What the officer proposes; required")
    project_item: Id | None = Field(default=None, description="Id of the project's item concerned")


class StepIn(Schema):
    comment: str
    category: str = Field(default="", description="For escalate: one of the four Art. 18 categories")


def _row(d: Difficulty) -> dict[str, Any]:
    return {
        "id": d.pk,
        "number": d.number,
        "project_id": d.project_id,
        "project": d.project.name,
        "project_item_id": d.project_item_id,
        "title": d.title,
        "state": d.state,
        "state_label": str(d.get_state_display()),
        "raised_at": d.raised_at,
        "ended_at": d.ended_at,
        "outcome": d.outcome,
    }


def _detail(detail: DifficultyDetail) -> dict[str, Any]:
    d, internal = detail.difficulty, detail.internal
    return {
        **_row(d),
        "description": d.description if internal else None,
        "analysis": d.analysis if internal else None,
        "proposal": d.proposal if internal else None,
        "category": d.category if internal else None,
        "steps": [
            {
                "name": s.name,
                "from_state": s.from_state,
                "to_state": s.to_state,
                "actor": s.actor.display_name,
                "acting_role": s.acting_role,
                "comment": s.comment,
                "at": s.at,
            }
            for s in (row.step for row in detail.steps)
        ],
        "actions": [t.name for t in detail.actions],
    }


@router.get("/difficulties", response=list[DifficultyOut], summary="Difficulties the caller may see")
@paginate(ApiPagination)
def list_difficulties(request: HttpRequest, filters: Query[DifficultyFilterIn]) -> Any:
    if filters.state and filters.state not in STATES:
        raise DomainError(_("未知的状态，可选：%(s)s。") % {"s": "、".join(STATES)}, field="state")
    project = access_project(request.user, filters.project) if filters.project else None
    return difficulty_list(user=request.user, state=filters.state, project=project)


@router.post(
    "/difficulties",
    response={201: DifficultyDetailOut},
    summary="Record a difficulty met while serving a project (the project's officer, or the centre)",
)
def raise_difficulty(request: HttpRequest, payload: DifficultyRaiseIn) -> Any:
    project = access_project(request.user, payload.project_id)
    item = None
    if payload.project_item is not None:
        item = ProjectItem.objects.filter(pk=payload.project_item, project=project).first()
        if item is None:
            raise DomainError(_("所选事项不属于本项目。"), field="project_item")
    made = difficulty_raise(
        actor=request.user,
        project=project,
        title=payload.title,
        description=payload.description,
        analysis=payload.analysis,
        proposal=payload.proposal,
        project_item=item,
    )
    return Status(201, _detail(difficulty_detail(request.user, made.pk)))


@router.get("/difficulties/{difficulty_id}", response=DifficultyDetailOut, summary="One difficulty")
def get_difficulty(request: HttpRequest, difficulty_id: Id) -> Any:
    return _detail(difficulty_detail(request.user, difficulty_id))


@router.post(
    "/difficulties/{difficulty_id}/steps/{name}",
    response=DifficultyDetailOut,
    summary="Take a step: report, resolve, withdraw, centre_resolve, send_back, escalate, "
    "approve_escalation, decline_escalation, progress, conclude, feed_back",
)
def take_step(request: HttpRequest, difficulty_id: Id, name: str, payload: StepIn) -> Any:
    detail = difficulty_detail(request.user, difficulty_id)
    difficulty_step(
        actor=request.user,
        difficulty=detail.difficulty,
        name=name,
        comment=payload.comment,
        category=payload.category,
    )
    return _detail(difficulty_detail(request.user, difficulty_id))
