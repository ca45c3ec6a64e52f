"""Who is responsible: the one place every policy, selector and notifier asks "who are the project's
officers", "which projects does this officer serve", "who is the item's guide now", "who are the centre's
staff and leaders", "who administers this department". Intake is the lowest app that sees all of them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet

from liaison.catalogue.models import GuideAssignment
from liaison.directory.models import User
from liaison.directory.people import centre_admins, centre_leaders, department_admins, users_with_roles
from liaison.directory.roles import Role
from liaison.intake.models import Assignment, Project

__all__ = [
    "approval_item_guide",
    "approval_item_guides",
    "centre_admins",
    "centre_leaders",
    "department_admins",
    "enterprise_users",
    "enterprises_users",
    "guide_item_ids",
    "is_project_officer",
    "officer_assignments",
    "officer_project_ids",
    "project_officers",
    "projects_officers",
    "users_with_roles",
]


def officer_assignments(user: Any) -> QuerySet[Assignment]:
    """The officer's active assignments (lead or handler, not reassigned away)."""
    return Assignment.objects.filter(officer__user=user, is_active=True)


def officer_project_ids(user: Any) -> QuerySet[Any]:
    """The ids of the projects the officer actively serves, as a subquery."""
    return officer_assignments(user).values("project_id")


def is_project_officer(user: Any, project_id: int) -> bool:
    """Whether `user` is actively assigned to the project."""
    return officer_assignments(user).filter(project_id=project_id).exists()


def project_officers(project: Project) -> list[User]:
    """The officers actively assigned to the project (lead first)."""
    return list(
        User.objects.filter(
            officer__assignments__project=project, officer__assignments__is_active=True
        ).order_by("-officer__assignments__role", "pk")
    )


def guide_item_ids(user: Any) -> QuerySet[Any]:
    """The catalogue items the guide is responsible for now, as a subquery of ids."""
    return GuideAssignment.objects.filter(guide=user, is_active=True).values("item_id")


def approval_item_guide(approval_item_id: int) -> User | None:
    """The guide of a catalogue item now (Art. 5: one item, one guide)."""
    row = (
        GuideAssignment.objects.filter(item_id=approval_item_id, is_active=True)
        .select_related("guide")
        .first()
    )
    return row.guide if row else None


def enterprise_users(project: Project) -> list[User]:
    """The active applicant accounts of the project's enterprise: they hear of every decision."""
    return list(
        User.objects.filter(
            enterprise_id=project.enterprise_id, is_active=True, memberships__role=Role.APPLICANT
        ).distinct()
    )


# The same answers for many rows at once (one query each), for jobs that go through thousands of rows.


def projects_officers(project_ids: Iterable[int]) -> dict[int, list[User]]:
    """`project_officers` of each project (lead first); a project without officers is missing."""
    found: dict[int, list[User]] = {}
    rows = (
        Assignment.objects.filter(project_id__in=sorted(set(project_ids)), is_active=True)
        .select_related("officer__user")
        .order_by("project_id", "-role", "officer__user_id")
    )
    for row in rows:
        found.setdefault(row.project_id, []).append(row.officer.user)
    return found


def approval_item_guides(approval_item_ids: Iterable[int]) -> dict[int, User]:
    """`approval_item_guide` of each catalogue item that has one now."""
    rows = GuideAssignment.objects.filter(
        item_id__in=sorted(set(approval_item_ids)), is_active=True
    ).select_related("guide")
    return {row.item_id: row.guide for row in rows}


def enterprises_users(enterprise_ids: Iterable[int]) -> dict[int, list[User]]:
    """`enterprise_users` of each enterprise (by the enterprise's id)."""
    found: dict[int, list[User]] = {}
    users = User.objects.filter(
        enterprise_id__in=sorted(set(enterprise_ids)), is_active=True, memberships__role=Role.APPLICANT
    ).distinct()
    for user in users:
        if user.enterprise_id is not None:
            found.setdefault(user.enterprise_id, []).append(user)
    return found
