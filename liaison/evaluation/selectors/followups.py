"""Reads of bad reviews' follow-ups: the list with the current step's light, one follow-up with the steps
its reader may take."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from liaison.core.errors import NotFound
from liaison.core.workflow import Transition
from liaison.deadlines.lights import Light, light_context, light_of
from liaison.directory.models import Department
from liaison.evaluation.deadline_kinds import follow_up_kind
from liaison.evaluation.models import OPEN_FOLLOW_UP_STATES, FollowUp, FollowUpStep
from liaison.evaluation.policies import follow_up_roles, visible_follow_ups_filter
from liaison.evaluation.workflows import FOLLOW_UP_WORKFLOW


def _light(follow_up: FollowUp, contexts: dict[str, Any]) -> str:
    kind = follow_up_kind(follow_up.state)
    if kind is None:
        return Light.NONE
    if kind.code not in contexts:
        contexts[kind.code] = light_context(kind.code)
    return light_of(follow_up.due_on, contexts[kind.code])


def follow_up_list(user: Any, *, open_only: bool = False, state: str = "") -> list[FollowUp]:
    scope = visible_follow_ups_filter(user)
    qs: QuerySet[FollowUp] = FollowUp.objects.all() if scope is None else FollowUp.objects.filter(scope)
    if open_only:
        qs = qs.filter(state__in=sorted(OPEN_FOLLOW_UP_STATES))
    if state:
        qs = qs.filter(state=state)
    rows = list(
        qs.select_related(
            "evaluation__invitation__project", "responsible_user", "responsible_department"
        ).order_by("due_on", "-id")[:500]
    )
    contexts: dict[str, Any] = {}
    for row in rows:
        row.light = _light(row, contexts)  # type: ignore[attr-defined]
    return rows


@dataclass
class FollowUpPanel:
    follow_up: FollowUp
    roles: frozenset[str]
    actions: list[Transition]
    steps: list[FollowUpStep]
    light: str
    departments: list[Department]


def access_follow_up(user: Any, pk: int) -> FollowUpPanel:
    follow_up = (
        FollowUp.objects.select_related(
            "evaluation__invitation__project",
            "evaluation__invitation__officer__user",
            "evaluation__invitation__department",
            "responsible_user",
            "responsible_department",
        )
        .filter(pk=pk)
        .first()
    )
    roles = follow_up_roles(user, follow_up) if follow_up else frozenset()
    if follow_up is None or not roles:
        raise NotFound(_("差评处理记录不存在或您无权查看。"))
    actions = [t for t in FOLLOW_UP_WORKFLOW.available(follow_up.state, roles) if t.name != "appeal_upheld"]
    return FollowUpPanel(
        follow_up=follow_up,
        roles=roles,
        actions=actions,
        steps=list(follow_up.steps.select_related("actor")),
        light=_light(follow_up, {}),
        departments=list(Department.objects.filter(Q(is_active=True)).order_by("name")) if actions else [],
    )
