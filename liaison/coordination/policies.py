"""Who sees and acts on difficulties (object-level rules).

The project's officers see and raise its difficulties; the centre and oversight roles see all of them;
the district project office sees those submitted to it; the enterprise sees its projects' difficulties
once they are resolved, with the outcome only (Art. 19: the result is fed back to it). Guides and
department admins see none yet.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from liaison.coordination.models import Difficulty, DifficultyState
from liaison.directory.roles import Role
from liaison.intake import people
from liaison.intake.models import Project

WHOLE_DISTRICT = frozenset({Role.CENTER_ADMIN, Role.CENTER_LEADER, Role.SUPERVISOR})
STAFF_ROLES = frozenset({*WHOLE_DISTRICT, Role.OFFICER, Role.PROJECT_OFFICE})


def _authed(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def is_project_officer(user: Any, project: Project) -> bool:
    """An officer actively assigned to the project."""
    return _authed(user) and user.has_role(Role.OFFICER) and people.is_project_officer(user, project.pk)


def can_view_project_difficulties(user: Any, project: Project) -> bool:
    """The project's difficulties page: the centre and oversight roles, the project office, the
    project's officers and its enterprise (each then sees the difficulties `visible_difficulties` lets
    through). Guides and department admins: not found."""
    if not _authed(user):
        return False
    if user.has_role(*WHOLE_DISTRICT, Role.PROJECT_OFFICE) or is_project_officer(user, project):
        return True
    return bool(user.has_role(Role.APPLICANT) and user.enterprise_id == project.enterprise_id)


def visible_difficulties(user: Any, qs: QuerySet[Difficulty] | None = None) -> QuerySet[Difficulty]:
    """The difficulties `user` may see, as one filter (lists stay at a fixed number of queries)."""
    qs = Difficulty.objects.all() if qs is None else qs
    if not _authed(user):
        return qs.none()
    roles = set(user.role_set)
    if roles & WHOLE_DISTRICT:
        return qs
    cond = Q(pk__in=[])
    if Role.OFFICER in roles:
        mine = people.officer_project_ids(user)
        cond |= Q(project_id__in=mine)
    if Role.PROJECT_OFFICE in roles:
        cond |= Q(escalated_at__isnull=False)
    if Role.APPLICANT in roles and user.enterprise_id:
        cond |= Q(project__enterprise_id=user.enterprise_id, state=DifficultyState.RESOLVED)
    return qs.filter(cond)


def difficulty_roles(user: Any, difficulty: Difficulty) -> frozenset[str]:
    """The roles `user` holds on this difficulty (empty: they may not see it)."""
    if not _authed(user):
        return frozenset()
    roles = set(user.role_set)
    held = roles & WHOLE_DISTRICT
    if Role.OFFICER in roles and people.is_project_officer(user, difficulty.project_id):
        held.add(Role.OFFICER)
    if Role.PROJECT_OFFICE in roles and difficulty.escalated_at is not None:
        held.add(Role.PROJECT_OFFICE)
    if (
        Role.APPLICANT in roles
        and user.enterprise_id
        and difficulty.state == DifficultyState.RESOLVED
        and difficulty.project.enterprise_id == user.enterprise_id
    ):
        held.add(Role.APPLICANT)
    return frozenset(held)


def sees_internals(roles: frozenset[str]) -> bool:
    """Staff see the analysis, the category and every step; the enterprise only the outcome."""
    return bool(roles & STAFF_ROLES)


def can_raise_difficulty(user: Any, project: Project) -> bool:
    """The project's active officers record its difficulties (Art. 10(4)); so may the centre."""
    if not _authed(user):
        return False
    if user.has_role(Role.CENTER_ADMIN):
        return True
    return is_project_officer(user, project)


MEETING_READERS = frozenset({*WHOLE_DISTRICT, Role.PROJECT_OFFICE, Role.OFFICER})


def can_view_meetings(user: Any) -> bool:
    """The meetings' briefings and minutes are internal: the centre, oversight, project office, officers."""
    return _authed(user) and bool(user.has_role(*MEETING_READERS))


def can_manage_meetings(user: Any) -> bool:
    """The centre prepares the meetings and records their minutes (Art. 17)."""
    return _authed(user) and bool(user.has_role(Role.CENTER_ADMIN))


ACTION_OWNER_ROLES = frozenset(
    {
        Role.CENTER_ADMIN,
        Role.CENTER_LEADER,
        Role.OFFICER,
        Role.GUIDE,
        Role.DEPARTMENT_ADMIN,
        Role.PROJECT_OFFICE,
    }
)


def can_see_action(user: Any, action: Any) -> bool:
    """A meeting's action: whoever reads the meetings, and the person responsible."""
    return can_view_meetings(user) or (_authed(user) and action.owner_id == user.pk)


def can_complete_action(user: Any, action: Any) -> bool:
    """The person responsible records it done; so may the centre."""
    return _authed(user) and (action.owner_id == user.pk or bool(user.has_role(Role.CENTER_ADMIN)))


def can_list_actions(user: Any) -> bool:
    """The actions page: meeting readers, and anyone who may be made responsible for an action."""
    return can_view_meetings(user) or (_authed(user) and bool(user.has_role(*ACTION_OWNER_ROLES)))
