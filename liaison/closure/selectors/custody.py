"""Reads of the custody register: a project's entries with their holder and movement log, for whoever may
see the project's service (the officer writes; the centre, the supervisor and the enterprise read)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from liaison.closure.models import CustodyEntry, CustodyMovement, CustodyState
from liaison.closure.policies import can_keep_custody, service_roles
from liaison.closure.workflows import CUSTODY_MANUAL, CUSTODY_WORKFLOW
from liaison.core.errors import DomainError, NotFound
from liaison.core.workflow import Transition
from liaison.directory.models import User
from liaison.intake.models import Project
from liaison.intake.people import project_officers

MISSING = _("资料不存在或您无权查看。")


@dataclass
class CustodyPanel:
    project: Project
    roles: frozenset[str]
    entries: list[CustodyEntry]

    @property
    def can_edit(self) -> bool:
        return can_keep_custody(self.roles) and self.project.service_ended_at is None

    @property
    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(CustodyState.values, 0)
        for e in self.entries:
            out[e.state] += 1
        return out


@dataclass
class CustodyEntryPanel:
    entry: CustodyEntry
    roles: frozenset[str]
    movements: list[CustodyMovement]
    officers: list[User]

    @property
    def can_edit(self) -> bool:
        return can_keep_custody(self.roles) and self.entry.project.service_ended_at is None

    def officer(self, user_id: int | None) -> User | None:
        """The new holder chosen (one of the project's officers), None when unchanged."""
        if user_id is None:
            return None
        found = next((u for u in self.officers if u.pk == user_id), None)
        if found is None:
            raise DomainError(_("保管人须为本项目的联络官。"), field="holder")
        return found

    @property
    def actions(self) -> list[Transition]:
        if not self.can_edit:
            return []
        available = CUSTODY_WORKFLOW.available(self.entry.state, self.roles)
        return [t for t in available if t.name in CUSTODY_MANUAL]


def _entries() -> Any:
    return CustodyEntry.objects.select_related("holder", "project_item__approval_item")


def access_custody(user: Any, project_id: int) -> CustodyPanel:
    """The project's register for a user who may see its service (404 alike for missing and forbidden)."""
    project = Project.objects.select_related("enterprise").filter(pk=project_id).first()
    roles = service_roles(user, project) if project else frozenset()
    if project is None or not roles:
        raise NotFound(_("项目不存在或您无权查看。"))
    return CustodyPanel(project, roles, list(_entries().filter(project=project).order_by("created_at", "pk")))


def access_custody_entry(user: Any, entry_id: int) -> CustodyEntryPanel:
    """One entry with its movements (404 alike for missing and forbidden)."""
    movements = Prefetch("movements", queryset=CustodyMovement.objects.select_related("actor"))
    entry = (
        _entries()
        .select_related("project__enterprise")
        .prefetch_related(movements)
        .filter(pk=entry_id)
        .first()
    )
    roles = service_roles(user, entry.project) if entry else frozenset()
    if entry is None or not roles:
        raise NotFound(MISSING)
    officers = project_officers(entry.project) if can_keep_custody(roles) else []
    return CustodyEntryPanel(entry, roles, list(entry.movements.all()), officers)
