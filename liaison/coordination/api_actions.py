"""/api/v1/coordination: the meetings' actions (督办事项) — list, assign, record done.

The same services as the pages. The centre assigns; the person responsible (or the centre) records it
done; an action the caller may not see answers 404, a step they may not take 403.
"""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from liaison.coordination.models import MeetingAction
from liaison.coordination.policies import can_list_actions, can_see_action
from liaison.coordination.selectors.actions import ACTION_FILTERS, action_list
from liaison.coordination.selectors.meetings import meeting_get
from liaison.coordination.services.actions import action_assign, action_complete
from liaison.core.bounds import Id
from liaison.core.errors import DomainError, NotFound
from liaison.core.paging import ApiPagination
from liaison.directory.models import User

router = Router(tags=["coordination"])


class ActionOut(Schema):
    id: int
    meeting_id: int
    difficulty_id: int | None
    description: str
    owner_id: int
    owner: str
    due_on: dt.date
    state: str
    done_note: str
    done_at: dt.datetime | None

    @staticmethod
    def resolve_owner(obj: MeetingAction) -> str:
        return obj.owner.display_name


class ActionFilterIn(Schema):
    show: str = Field(default="open", description="open (default), mine or all")


class AssignIn(Schema):
    description: str
    owner: Id = Field(description="User id of the person responsible")
    due_on: dt.date
    difficulty: Id | None = Field(default=None, description="A difficulty on the meeting's agenda")


class DoneIn(Schema):
    note: str


@router.get("/actions", response=list[ActionOut], summary="Meeting actions the caller may see")
@paginate(ApiPagination)
def list_actions(request: HttpRequest, filters: Query[ActionFilterIn]) -> Any:
    user: Any = request.user
    if not can_list_actions(user):
        raise NotFound(_("督办事项不存在或您无权查看。"))
    if filters.show not in ACTION_FILTERS:
        raise DomainError(_("未知的筛选，可选：open、mine、all。"), field="show")
    return action_list(user, filters.show)


@router.post(
    "/meetings/{meeting_id}/actions", response={201: ActionOut}, summary="Assign an action (the centre)"
)
def assign(request: HttpRequest, meeting_id: Id, payload: AssignIn) -> Any:
    meeting = meeting_get(request.user, meeting_id)
    action = action_assign(
        actor=request.user,
        meeting=meeting,
        description=payload.description,
        owner=User.objects.filter(pk=payload.owner).first(),
        due_on=payload.due_on,
        difficulty_id=payload.difficulty,
    )
    return Status(201, action)


@router.post("/actions/{action_id}/done", response=ActionOut, summary="Record an action done")
def done(request: HttpRequest, action_id: Id, payload: DoneIn) -> Any:
    action = MeetingAction.objects.select_related("owner").filter(pk=action_id).first()
    if action is None or not can_see_action(request.user, action):
        raise NotFound(_("督办事项不存在或您无权查看。"))
    return action_complete(actor=request.user, action=action, note=payload.note)
