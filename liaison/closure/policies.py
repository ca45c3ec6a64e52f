"""Who may see a project's service and which roles they hold for it (the workflow decides the steps)."""

from __future__ import annotations

from typing import Any

from liaison.directory.roles import Role
from liaison.intake.models import Project
from liaison.intake.people import is_project_officer

READ_ALL = frozenset({Role.CENTER_ADMIN, Role.CENTER_LEADER, Role.SUPERVISOR})


def service_roles(user: Any, project: Project) -> frozenset[str]:
    """The roles `user` holds for this project's service: the centre's, the project's officer's, the
    enterprise's (its lead and handlers)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    held = {r for r in READ_ALL if user.has_role(r)}
    if user.has_role(Role.OFFICER) and is_project_officer(user, project.pk):
        held.add(Role.OFFICER)
    if user.has_role(Role.APPLICANT) and user.enterprise_id == project.enterprise_id:
        held.add(Role.APPLICANT)
    return frozenset(held)


def can_view_service(user: Any, project: Project) -> bool:
    return bool(service_roles(user, project))


def can_manage_closure_settings(user: Any) -> bool:
    """The centre's staff set the receipt and confirmation periods."""
    return bool(
        getattr(user, "is_authenticated", False) and user.is_active and user.has_role(Role.CENTER_ADMIN)
    )


def can_keep_custody(roles: frozenset[str]) -> bool:
    """Only the project's officer writes the custody register; the centre, the supervisor and the
    enterprise read it (`roles` from `service_roles`)."""
    return Role.OFFICER in roles
