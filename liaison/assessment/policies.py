"""Who defines, computes, adjusts and publishes (the centre's leader) and who reads which result: the
centre's staff and the supervisors all of them; a department's administrator its guides' and its
department's; an officer or a guide their own — and those only once the period is published."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from liaison.assessment.models import (
    AssessmentMethod,
    AssessmentPeriod,
    MethodState,
    PeriodState,
    SubjectKind,
)
from liaison.directory.roles import Role

READ_ALL = frozenset({Role.CENTER_ADMIN, Role.CENTER_LEADER, Role.SUPERVISOR})
OWN = frozenset({Role.OFFICER, Role.GUIDE, Role.DEPARTMENT_ADMIN})


def _active(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def can_manage_assessment(user: Any) -> bool:
    """Methods and periods are the centre leader's (Art. 24)."""
    return _active(user) and user.has_role(Role.CENTER_LEADER)


def reads_all(user: Any) -> bool:
    return _active(user) and user.has_role(*READ_ALL)


def can_read_method(user: Any, method: AssessmentMethod) -> bool:
    """A published or superseded method is a public document; a draft is the centre's."""
    if method.state != MethodState.DRAFT:
        return True
    return reads_all(user)


def can_read_period(user: Any, period: AssessmentPeriod) -> bool:
    if reads_all(user):
        return True
    return _active(user) and user.has_role(*OWN) and period.state == PeriodState.PUBLISHED


def visible_results_filter(user: Any) -> Q | None:
    """The results `user` may read within a period they may read (None: all of them)."""
    if reads_all(user):
        return None
    if not _active(user):
        return Q(pk__in=[])
    q = Q(pk__in=[])
    if user.has_role(Role.OFFICER, Role.GUIDE):
        q |= Q(user=user)
    if user.has_role(Role.DEPARTMENT_ADMIN) and user.department_id:
        q |= Q(
            department_id=user.department_id,
            subject_kind__in=[SubjectKind.GUIDE, SubjectKind.DEPARTMENT],
        )
    return q
