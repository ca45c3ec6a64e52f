"""Reads of the meetings' actions: who may be made responsible, the actions a user sees, their lights,
(the person responsible hears of an action by notification and reminders)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from liaison.coordination.deadlines import action_context, light_of
from liaison.coordination.models import MeetingAction, MeetingActionState
from liaison.coordination.policies import ACTION_OWNER_ROLES, can_complete_action, can_view_meetings
from liaison.directory.models import User


def action_owners() -> QuerySet[User]:
    """Who may be made responsible: active staff of the centre, officers, guides, departments, project office."""
    return (
        User.objects.filter(is_active=True, memberships__role__in=sorted(ACTION_OWNER_ROLES))
        .distinct()
        .order_by("full_name", "username")
    )


ACTION_FILTERS = ("open", "todo", "mine", "all")


def action_list(user: Any, show: str = "open") -> QuerySet[MeetingAction]:
    """The actions `user` sees: still open (default), their own open ones (todo), their own, or all;
    soonest due first."""
    qs = visible_actions(user)
    if show == "todo":
        qs = qs.filter(owner=user, state=MeetingActionState.OPEN)
    elif show == "mine":
        qs = qs.filter(owner=user)
    elif show != "all":
        qs = qs.filter(state=MeetingActionState.OPEN)
    return qs.order_by("state", "due_on", "pk")


def visible_actions(user: Any) -> QuerySet[MeetingAction]:
    qs = MeetingAction.objects.select_related("meeting", "owner", "difficulty")
    return qs if can_view_meetings(user) else qs.filter(owner=user)


@dataclass
class ActionRow:
    action: MeetingAction
    light: str  # red / yellow / green while open; none once done
    can_complete: bool


def action_rows(user: Any, actions: Iterable[MeetingAction]) -> list[ActionRow]:
    """The actions with their deadline light and whether `user` may record them done."""
    ctx = action_context()
    rows = []
    for a in actions:
        open_ = a.state == MeetingActionState.OPEN
        light = light_of(a.due_on, ctx) if open_ else "none"
        rows.append(ActionRow(a, light, open_ and can_complete_action(user, a)))
    return rows
