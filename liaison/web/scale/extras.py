"""Consultations and difficulties on the benchmark projects: written per chunk of projects by seed_scale,
or added afterwards to a database seeded without them (`seed_scale --extras-only`).

Like the rest of the benchmark data the rows are bulk-inserted and bypass the services (no audit trail,
no notifications), but they carry what the services write: states, guides, the reply and centre deadlines
on the working-day calendar, the histories, and the numbering (the next consultation_raise and
difficulty_raise go on after the last seeded number). Neither app keeps a counter or roll-up of its rows
beyond those numbers: the lists, inboxes and sidebar counts read the rows themselves.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Exists, OuterRef

from liaison.consultations.models import Consultation
from liaison.coordination.models import Difficulty
from liaison.directory.models import User
from liaison.directory.roles import Role
from liaison.intake.models import Project
from liaison.web.scale.extras_base import ExtrasBase, extras_base, project_facts
from liaison.web.scale.extras_consultations import consultations_add
from liaison.web.scale.extras_difficulties import difficulties_add

CHUNK = 1000
SEEDED = {"is_sample": True, "service_number__startswith": "YC-S"}


@dataclass
class ExtrasResult:
    projects: int = 0
    consultations: int = 0
    events: int = 0
    forwardings: int = 0
    replies: int = 0
    reply_materials: int = 0
    difficulties: int = 0
    steps: int = 0
    seconds: float = 0.0
    consultation_states: Counter[str] = field(default_factory=Counter)
    difficulty_states: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        return (
            f"consultations={self.consultations} events={self.events} forwardings={self.forwardings} "
            f"replies={self.replies} reply_materials={self.reply_materials} "
            f"difficulties={self.difficulties} difficulty_steps={self.steps} extras_s={self.seconds:.1f}"
        )

    def states(self) -> str:
        c = ", ".join(f"{k}={v}" for k, v in sorted(self.consultation_states.items()))
        d = ", ".join(f"{k}={v}" for k, v in sorted(self.difficulty_states.items()))
        return f"consultation states: {c or '-'}; difficulty states: {d or '-'}"


def extras_add(base: ExtrasBase, project_ids: list[int], result: ExtrasResult) -> None:
    """The consultations and difficulties of these projects (call inside the chunk's transaction)."""
    started = time.perf_counter()
    facts = project_facts(project_ids, base.now)
    c = consultations_add(base, facts)
    d = difficulties_add(base, facts)
    base.numbers.save_serials()
    result.projects += len(facts)
    result.consultations += c.consultations
    result.events += c.events
    result.forwardings += c.forwardings
    result.replies += c.replies
    result.reply_materials += c.reply_materials
    result.difficulties += d.difficulties
    result.steps += d.steps
    result.consultation_states.update(c.states)
    result.difficulty_states.update(d.states)
    result.seconds += time.perf_counter() - started


def centre_admin_id() -> int | None:
    return (
        User.objects.filter(memberships__role=Role.CENTER_ADMIN).order_by("pk").values_list("pk", flat=True)
    ).first()


def projects_without_extras() -> list[int]:
    """Seeded projects with neither a consultation nor a difficulty, in id order."""
    return list(
        Project.objects.filter(**SEEDED)
        .exclude(Exists(Consultation.objects.filter(project=OuterRef("pk"))))
        .exclude(Exists(Difficulty.objects.filter(project=OuterRef("pk"))))
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def extras_only(
    *, admin_id: int, seed: int, today: dt.date | None = None, log: Callable[[str], None] = print
) -> ExtrasResult:
    """Add consultations and difficulties to the seeded projects that have none. Each project draws from
    its own generator (seed, project id), so a project that drew none draws none again: running it twice
    adds nothing the second time."""
    result = ExtrasResult()
    base = extras_base(admin_id=admin_id, seed=seed, today=today)
    ids = projects_without_extras()
    log(f"  {len(ids)} seeded projects without consultations or difficulties")
    for offset in range(0, len(ids), CHUNK):
        with transaction.atomic():
            extras_add(base, ids[offset : offset + CHUNK], result)
        log(f"  {min(offset + CHUNK, len(ids))}/{len(ids)} projects")
    return result
