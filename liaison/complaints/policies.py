"""Who may see and do what on which complaint. Track segregation (Art. 25; 纪检监察机关处理检举控告工作规则
Art. 47): an integrity complaint is visible to the discipline-inspection supervisors only — never to the
centre, the department, the person complained about, or the complainant's account (who follows it with
the query code). A business complaint is the centre's; the department concerned sees it once asked to
cooperate; the enterprise that lodged it sees its own; the supervisors may read it (Art. 22–23)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from liaison.complaints.models import Complaint, Cooperation, CooperationKind, Track
from liaison.complaints.workflows import COMPLAINANT
from liaison.directory.roles import Role


def _active(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def _not_about(user: Any) -> Q:
    """Never the complaints about the user themselves (as the guide or the officer complained about)."""
    return ~Q(guide_id=user.pk) & ~Q(officer__user_id=user.pk)


def business_filter(user: Any) -> Q | None:
    """The business complaints `user` may read (None: none)."""
    if not _active(user):
        return None
    if user.has_role(Role.CENTER_ADMIN, Role.CENTER_LEADER, Role.SUPERVISOR):
        return Q(track=Track.BUSINESS) & _not_about(user)
    mine = Q(pk__in=[])
    if user.has_role(Role.DEPARTMENT_ADMIN) and user.department_id:
        asked = Cooperation.objects.filter(
            kind=CooperationKind.DEPARTMENT, department_id=user.department_id
        ).values("complaint_id")
        mine |= Q(pk__in=asked)
    if user.has_role(Role.APPLICANT):
        mine |= Q(complainant_user_id=user.pk)
    return Q(track=Track.BUSINESS) & mine & _not_about(user)


def integrity_filter(user: Any) -> Q | None:
    if not _active(user) or not user.has_role(Role.SUPERVISOR):
        return None
    return Q(track=Track.INTEGRITY) & _not_about(user)


def business_roles(user: Any, complaint: Complaint) -> frozenset[str]:
    """The roles `user` acts in on this business complaint (the workflow's role names)."""
    held: set[str] = {r for r in (Role.CENTER_ADMIN, Role.CENTER_LEADER) if user.has_role(r)}
    if complaint.complainant_user_id and complaint.complainant_user_id == user.pk:
        held.add(COMPLAINANT)
    return frozenset(held)


def integrity_roles(user: Any, complaint: Complaint) -> frozenset[str]:
    return frozenset({Role.SUPERVISOR}) if user.has_role(Role.SUPERVISOR) else frozenset()


def sees_contact(user: Any) -> bool:
    """The complainant's phone and e-mail in full: the centre (who replies) only."""
    return _active(user) and user.has_role(Role.CENTER_ADMIN, Role.CENTER_LEADER)


def can_answer_cooperation(user: Any, department_id: int | None) -> bool:
    return bool(
        _active(user)
        and user.has_role(Role.DEPARTMENT_ADMIN)
        and department_id
        and user.department_id == department_id
    )


def reads_transfer_lines(user: Any) -> bool:
    return _active(user) and user.has_role(Role.CENTER_ADMIN, Role.CENTER_LEADER)


def reads_tasks(user: Any) -> bool:
    return _active(user) and user.has_role(Role.CENTER_ADMIN, Role.CENTER_LEADER)
