"""When a project's service ends (办结 or 终止, Art. 15–16), the difficulties still being coordinated on it end
with it: each is withdrawn as a recorded step ("服务结束，不再协调") with its audit event, and whoever it
was waiting on (the centre, its leader, the district project office) is told, in the caller's transaction."""

from __future__ import annotations

from typing import Any

from liaison.coordination.models import Difficulty
from liaison.coordination.services.difficulties import apply_step
from liaison.coordination.workflows import FINAL, SYSTEM
from liaison.intake.models import Project


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
    for difficulty in open_ones:
        apply_step(difficulty, "end_with_service", roles=SYSTEM, actor=actor, comment=reason)
    return len(open_ones)
