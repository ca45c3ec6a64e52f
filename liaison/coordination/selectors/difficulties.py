"""Reads of difficulties: the lists (centre queue, project office, an officer's, a project's) and one
difficulty with its steps and the steps the reader may take now."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from liaison.coordination.deadlines import with_deadline_light
from liaison.coordination.models import Difficulty, DifficultyState, DifficultyStep
from liaison.coordination.policies import difficulty_roles, sees_internals, visible_difficulties
from liaison.coordination.workflows import DIFFICULTY_WORKFLOW
from liaison.core.errors import NotFound
from liaison.core.listing import keyword_filter
from liaison.core.workflow import Transition
from liaison.directory.roles import Role
from liaison.intake.models import Project

WAITING = "waiting"


DIFFICULTY_SEARCH_FIELDS = (
    "number",
    "title",
    "project__name",
    "project__service_number",
    "project__enterprise__name",
)


def difficulty_list(
    *, user: Any, state: str = "", project: Project | None = None, q: str = ""
) -> QuerySet[Difficulty]:
    """The difficulties `user` may see, newest first; `state` one of DifficultyState, or "active" for
    every one not ended (open, reported, submitted to the project office, concluded), or "waiting" for
    those waiting on the user's step; `q` a keyword in the number, title or project. Each row carries
    its deadline `light`."""
    qs = with_deadline_light(
        visible_difficulties(
            user,
            Difficulty.objects.select_related(
                "project__enterprise", "project_item__approval_item", "raised_by"
            ),
        )
    )
    if project is not None:
        qs = qs.filter(project=project)
    if state == WAITING:
        qs = qs.filter(state__in=difficulty_waiting_states(user), project__service_ended_at__isnull=True)
    elif state == "active":
        qs = qs.exclude(state__in=[DifficultyState.RESOLVED, DifficultyState.WITHDRAWN])
    elif state in DifficultyState.values:
        qs = qs.filter(state=state)
    return keyword_filter(qs, q, DIFFICULTY_SEARCH_FIELDS).order_by("-raised_at", "-pk")


def difficulty_counts(*, user: Any) -> dict[str, int]:
    """How many of the visible difficulties are in each state (for the list's tabs): one query."""
    rows = visible_difficulties(user).order_by().values_list("state").annotate(n=Count("pk"))
    counts = dict.fromkeys(DifficultyState.values, 0)
    counts.update(dict(rows))
    return counts


@dataclass
class StepRow:
    step: DifficultyStep
    label: Any  # the step's name as users read it
    to_label: Any  # the state it led to


@dataclass
class DifficultyDetail:
    difficulty: Difficulty
    roles: frozenset[str]
    internal: bool  # staff: analysis, category and every step; the enterprise: the outcome only
    steps: list[StepRow]
    actions: list[Transition]


def difficulty_detail(user: Any, pk: int) -> DifficultyDetail:
    difficulty = (
        with_deadline_light(
            Difficulty.objects.select_related(
                "project__enterprise", "project_item__approval_item", "raised_by"
            )
        )
        .filter(pk=pk)
        .first()
    )
    roles = difficulty_roles(user, difficulty) if difficulty is not None else frozenset()
    if difficulty is None or not roles:
        raise NotFound(_("难点问题不存在或您无权查看。"))
    internal = sees_internals(roles)
    steps = [
        StepRow(
            step,
            _("登记") if step.name == "raise" else DIFFICULTY_WORKFLOW.transition(step.name).label,
            DifficultyState(step.to_state).label,
        )
        for step in (difficulty.steps.select_related("actor") if internal else [])
    ]
    actions = DIFFICULTY_WORKFLOW.available(difficulty.state, roles)
    return DifficultyDetail(difficulty, roles, internal, steps, actions)


def difficulty_waiting_states(user: Any) -> list[str]:
    """The states in which a difficulty waits on this user's step: for the centre those reported to it
    and those the project office concluded; for the centre's leader those awaiting approval to go to the
    project office; for the project office those submitted to it; for an officer those open on their
    projects (new, or sent back by the centre)."""
    waiting: set[str] = set()
    if user.has_role(Role.CENTER_ADMIN):
        waiting |= {DifficultyState.REPORTED, DifficultyState.CONCLUDED}
    if user.has_role(Role.CENTER_LEADER):
        waiting.add(DifficultyState.AWAITING_APPROVAL)
    if user.has_role(Role.PROJECT_OFFICE):
        waiting.add(DifficultyState.ESCALATED)
    if user.has_role(Role.OFFICER):
        waiting.add(DifficultyState.OPEN)
    return sorted(waiting)


def difficulties_waiting(user: Any) -> QuerySet[Difficulty] | None:
    """Difficulties waiting on this user's step (the 待办 entry and the list's 待我处理 tab)."""
    waiting = difficulty_waiting_states(user)
    if not waiting:
        return None
    # once the service has ended its records are read-only (ensure_service_open): nothing waits any more
    return visible_difficulties(user).filter(state__in=waiting, project__service_ended_at__isnull=True)
