"""Who may see and act on projects, entrustment requests and dispatch (object-level rules)."""

from __future__ import annotations

from typing import Any

import rules

from liaison.directory.roles import Role
from liaison.intake.models import Entrustment, EntrustmentStatus, Project
from liaison.intake.people import is_project_officer

READ_ALL_ROLES = (Role.CENTER_ADMIN, Role.CENTER_LEADER, Role.SUPERVISOR, Role.PROJECT_OFFICE)


def is_enterprise_member(user: Any, project: Project) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.has_role(Role.APPLICANT)
        and user.enterprise_id
        and user.enterprise_id == project.enterprise_id
    )


def is_assigned_officer(user: Any, project: Project) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.has_role(Role.OFFICER):
        return False
    return is_project_officer(user, project.pk)


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
    if not getattr(user, "is_authenticated", False):
        return False
    if user.has_role(Role.CENTER_ADMIN):
        return True
    if not is_enterprise_member(user, project):
        return False
    return not project.entrustments.filter(
        status__in=[EntrustmentStatus.SUBMITTED, EntrustmentStatus.ACCEPTED]
    ).exists()


@rules.predicate
def can_view_entrustment(user: Any, entrustment: Entrustment) -> bool:
    """The enterprise sees its own requests, drafts included; the centre and oversight every submitted one;
    an officer those of the projects assigned to them."""
    if not getattr(user, "is_authenticated", False):
        return False
    if is_enterprise_member(user, entrustment.project):
        return True
    if user.has_role(*READ_ALL_ROLES) and entrustment.submitted_at is not None:
        return True
    return is_assigned_officer(user, entrustment.project)


@rules.predicate
def can_review_entrustment(user: Any, entrustment: Entrustment) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.has_role(Role.CENTER_ADMIN))


@rules.predicate
def can_act_as_applicant(user: Any, entrustment: Entrustment) -> bool:
    return is_enterprise_member(user, entrustment.project)


@rules.predicate
def can_dispatch(user: Any, project: Project) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.has_role(Role.CENTER_ADMIN))


@rules.predicate
def can_manage_document_templates(user: Any, obj: Any = None) -> bool:
    """The centre replaces the Word templates of the assignment order and the entrustment agreement."""
    return bool(getattr(user, "is_authenticated", False) and user.has_role(Role.CENTER_ADMIN))


def sees_enterprise_contacts_in_full(user: Any, project: Project) -> bool:
    """Phones of the lead and handler: the centre, supervisors, the enterprise itself and its officers."""
    return bool(
        user.has_role(Role.CENTER_ADMIN, Role.CENTER_LEADER, Role.SUPERVISOR)
        or is_enterprise_member(user, project)
        or is_assigned_officer(user, project)
    )


rules.add_perm("intake.view_project", can_view_project)
rules.add_perm("intake.change_project", can_edit_project)
rules.add_perm("intake.view_entrustment", can_view_entrustment)
