"""Who sees an inspection and who acts on it.

The supervisors (区纪委监委) open and decide inspections and read everything; the centre's leaders read
everything and act on nothing. The inspected party — the officer for an inspection of a project or of
the officer, the department's administrator for an inspection of a guide or of the department — sees only
its own inspection, only once rectification is required, and only the request and the report thread
(never the findings). Everyone else: the inspection looks missing (404)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from liaison.directory.roles import Role
from liaison.intake.people import is_project_officer, officer_project_ids
from liaison.supervision.models import Inspection, SubjectType

OVERSIGHT = frozenset({Role.SUPERVISOR, Role.CENTER_LEADER})
DESK_READERS = OVERSIGHT


def _active(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def can_read_desk(user: Any) -> bool:
    """The supervision desk (监督台): the supervisors, and the centre's leaders reading."""
    return _active(user) and user.has_role(*DESK_READERS)


def can_open_inspection(user: Any) -> bool:
    return _active(user) and user.has_role(Role.SUPERVISOR)


def sees_findings(roles: frozenset[str]) -> bool:
    return bool(roles & OVERSIGHT)


def inspection_roles(user: Any, inspection: Inspection) -> frozenset[str]:
    """The roles `user` holds for this inspection (empty: it looks missing)."""
    if not _active(user):
        return frozenset()
    held = {r for r in OVERSIGHT if user.has_role(r)}
    if inspection.rectification_required_on is None:
        return frozenset(held)
    t = inspection.subject_type
    if user.has_role(Role.OFFICER):
        if (
            t == SubjectType.OFFICER
            and inspection.officer is not None
            and inspection.officer.user_id == user.pk
        ):
            held.add(Role.OFFICER)
        if (
            t == SubjectType.PROJECT
            and inspection.project_id
            and is_project_officer(user, inspection.project_id)
        ):
            held.add(Role.OFFICER)
    if (
        user.has_role(Role.DEPARTMENT_ADMIN)
        and t in (SubjectType.GUIDE, SubjectType.DEPARTMENT)
        and user.department_id
        and inspection.department_id == user.department_id
    ):
        held.add(Role.DEPARTMENT_ADMIN)
    return frozenset(held)


def party_filter(user: Any) -> Q:
    """The inspections whose rectification `user` answers for (an impossible Q when none)."""
    q = Q(pk__in=[])
    if not _active(user):
        return q
    if user.has_role(Role.OFFICER):
        q |= Q(subject_type=SubjectType.OFFICER, officer__user=user)
        q |= Q(subject_type=SubjectType.PROJECT, project_id__in=officer_project_ids(user))
    if user.has_role(Role.DEPARTMENT_ADMIN) and user.department_id:
        q |= Q(subject_type__in=[SubjectType.GUIDE, SubjectType.DEPARTMENT], department_id=user.department_id)
    return q & Q(rectification_required_on__isnull=False)


def visible_inspections_filter(user: Any) -> Q | None:
    """None: every inspection; otherwise the condition on the ones `user` may see."""
    if not _active(user):
        return Q(pk__in=[])
    if user.has_role(*OVERSIGHT):
        return None
    return party_filter(user)
