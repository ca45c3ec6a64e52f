"""Who may see and act on projects, entrustment requests and dispatch (object-level rules)."""

from __future__ import annotations

from typing import Any

import rules

from liaison.directory.roles import Role
from liaison.intake.models import Assignment, EntrustmentStatus, Project

READ_ALL_ROLES = (Role.CENTER_ADMIN, Role.CENTER_LEADER, Role.SUPERVISOR, Role.PROJECT_OFFICE)


def is_enterprise_member(user: Any, project: Project) -> bool:
    return bool(
        user.has_role(Role.APPLICANT) and user.enterprise_id and user.enterprise_id == project.enterprise_id
    )


def is_assigned_officer(user: Any, project: Project) -> bool:
    if not user.has_role(Role.OFFICER):
        return False
    return Assignment.objects.filter(project=project, officer__user=user, is_active=True).exists()


@rules.predicate
def can_view_project(user: Any, project: Project) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return (
        user.has_role(*READ_ALL_ROLES)
        or is_enterprise_member(user, project)
        or is_assigned_officer(user, project)
    )


@rules.predicate
def can_edit_project(user: Any, project: Project) -> bool:
    """The enterprise edits its project until a request is under review or accepted; the centre at any time."""
    if user.has_role(Role.CENTER_ADMIN):
        return True
    if not is_enterprise_member(user, project):
        return False
    return not project.entrustments.filter(
        status__in=[EntrustmentStatus.SUBMITTED, EntrustmentStatus.ACCEPTED]
    ).exists()


@rules.predicate
def can_review_entrustment(user: Any, entrustment: Any) -> bool:
    return bool(user.has_role(Role.CENTER_ADMIN))


@rules.predicate
def can_act_as_applicant(user: Any, entrustment: Any) -> bool:
    return is_enterprise_member(user, entrustment.project)


@rules.predicate
def can_dispatch(user: Any, project: Project) -> bool:
    return bool(user.has_role(Role.CENTER_ADMIN))


def sees_enterprise_contacts_in_full(user: Any, project: Project) -> bool:
    """Phones of the lead and handler: the centre, supervisors, the enterprise itself and its officers."""
    return bool(
        user.has_role(Role.CENTER_ADMIN, Role.CENTER_LEADER, Role.SUPERVISOR)
        or is_enterprise_member(user, project)
        or is_assigned_officer(user, project)
    )


rules.add_perm("intake.view_project", can_view_project)
rules.add_perm("intake.change_project", can_edit_project)
