"""What waits on whom in evaluation, for the 待办 card and the sidebar (liaison.directory.todos)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from liaison.directory.roles import Role
from liaison.directory.todos import TodoSource, register_todo
from liaison.evaluation.models import (
    Appeal,
    AppealState,
    FollowUp,
    FollowUpState,
    Invitation,
    ReturnVisit,
    VisitState,
)
from liaison.evaluation.policies import visible_follow_ups_filter


def invitations_waiting(user: Any) -> Any:
    if not user.enterprise_id:
        return None
    return Invitation.objects.filter(project__enterprise_id=user.enterprise_id, evaluated_at__isnull=True)


def follow_ups_waiting(user: Any) -> Any:
    """The centre: reviews to verify and to return to; the responsible officer or department: to rectify."""
    if user.has_role(Role.CENTER_ADMIN):
        return FollowUp.objects.filter(state__in=[FollowUpState.VERIFYING, FollowUpState.RETURNING])
    mine = visible_follow_ups_filter(user)
    if mine is None:
        return None
    return FollowUp.objects.filter(mine, state=FollowUpState.RECTIFYING)


def appeals_waiting(user: Any) -> Any:
    return Appeal.objects.filter(state=AppealState.PENDING)


def visits_waiting(user: Any) -> Any:
    return ReturnVisit.objects.filter(Q(assignee__isnull=True) | Q(assignee=user), state=VisitState.PLANNED)


register_todo(
    TodoSource(
        "evaluation.invitations",
        _("待评价"),
        "evaluation:mine",
        frozenset({Role.APPLICANT}),
        invitations_waiting,
        order=40,
    )
)
register_todo(
    TodoSource(
        "evaluation.follow_ups",
        _("差评待处理"),
        "evaluation:follow_ups",
        frozenset({Role.CENTER_ADMIN, Role.OFFICER, Role.DEPARTMENT_ADMIN}),
        follow_ups_waiting,
        query="?open=1",
        order=41,
    )
)
register_todo(
    TodoSource(
        "evaluation.appeals",
        _("评价申诉待复核"),
        "evaluation:reviews",
        frozenset({Role.CENTER_LEADER}),
        appeals_waiting,
        query="?appeal=pending",
        order=42,
    )
)
register_todo(
    TodoSource(
        "evaluation.visits",
        _("回访任务"),
        "evaluation:visits",
        frozenset({Role.CENTER_ADMIN}),
        visits_waiting,
        query="?state=planned",
        order=43,
    )
)
