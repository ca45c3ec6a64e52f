"""When a project's service ends (办结 or 终止, Art. 15–16), the difficulties still being coordinated on it end
with it: each is withdrawn as a recorded step ("服务结束，不再协调") with its audit event, and whoever it
was waiting on (the centre, its leader, the district project office) is told, in the caller's transaction."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record, snapshot
from liaison.coordination.models import Difficulty, DifficultyState, DifficultyStep
from liaison.coordination.services.difficulties import STATE_FIELDS
from liaison.coordination.workflows import DIFFICULTY_WORKFLOW, FINAL, SYSTEM
from liaison.directory.models import User
from liaison.directory.roles import Role
from liaison.intake.models import Project
from liaison.intake.people import centre_admins, users_with_roles
from liaison.notifications.services.notify import notification_send

S = DifficultyState
STEP = "end_with_service"


def _waiting_on(state: str) -> list[User]:
    if state in {S.REPORTED, S.CONCLUDED}:
        return centre_admins()
    if state == S.AWAITING_APPROVAL:
        return users_with_roles(Role.CENTER_LEADER)
    if state == S.ESCALATED:
        return [*centre_admins(), *users_with_roles(Role.PROJECT_OFFICE)]
    return []  # open: the officer's own, and the officer hears of the service's end already


def difficulties_end_with_service(*, project: Project, actor: Any, reason: str) -> int:
    """End every difficulty of `project` still being coordinated because its service ended; `reason` says
    how. Returns how many were ended."""
    open_ones = list(
        Difficulty.objects.select_for_update(of=("self",))
        .filter(project=project)
        .exclude(state__in=sorted(FINAL))
        .select_related("project")
        .order_by("pk")
    )
    now = timezone.now()
    for difficulty in open_ones:
        before = snapshot(difficulty, STATE_FIELDS)
        previous = difficulty.state
        t = DIFFICULTY_WORKFLOW.record_step(
            STEP,
            difficulty,
            roles=SYSTEM,
            step_model=DifficultyStep,
            link="difficulty",
            actor=actor,
            comment=reason,
            at=now,
        )
        difficulty.due_on = None
        difficulty.ended_at = now
        difficulty.save()
        audit_record(
            actor=actor,
            action=f"difficulty.{STEP}",
            obj=difficulty,
            before=before,
            after=snapshot(difficulty, STATE_FIELDS),
            summary=f"{difficulty.number} {t.label}",
        )
        notification_send(
            recipients=[u for u in _waiting_on(previous) if u.pk != actor.pk],
            kind=f"difficulty.{STEP}",
            event_key=f"difficulty:{difficulty.pk}:{STEP}",
            title=_("难点问题%(action)s：%(title)s") % {"action": t.label, "title": difficulty.title},
            body=_("“%(project)s”的难点问题 %(number)s：%(comment)s")
            % {"project": project.name, "number": difficulty.number, "comment": reason},
            url=f"/coordination/difficulties/{difficulty.pk}/",
        )
    return len(open_ones)
