"""Who may evaluate, who sees an evaluation (and who wrote it), who acts on a follow-up or an appeal.

Only the project's enterprise accounts write evaluations; no staff role has a path to create, change or
delete one. The evaluated officer, guide or department sees the level and the text, never the evaluator;
the centre and the supervisors see the evaluator (each view is in the personal-data log)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from liaison.directory.roles import Role
from liaison.evaluation.models import Appeal, Evaluation, FollowUp, Invitation, Responsible, SubjectKind

OVERSIGHT = frozenset({Role.CENTER_ADMIN, Role.CENTER_LEADER, Role.SUPERVISOR})


def _active(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def can_evaluate(user: Any, invitation: Invitation) -> bool:
    """The enterprise's own accounts (its lead and handlers) evaluate its subjects."""
    return (
        _active(user)
        and user.has_role(Role.APPLICANT)
        and user.enterprise_id is not None
        and user.enterprise_id == invitation.project.enterprise_id
    )


def sees_evaluator(user: Any) -> bool:
    return _active(user) and user.has_role(*OVERSIGHT)


def evaluated_filter(user: Any, prefix: str = "invitation__") -> Q:
    """Evaluations of `user`'s own work: as the officer, the guide, or the department's administrator."""
    # The officer is evaluated on the service; an item's evaluation is the department's and its guide's.
    q = Q(**{f"{prefix}officer__user": user, f"{prefix}kind": SubjectKind.SERVICE}) | Q(
        **{f"{prefix}guide": user}
    )
    if user.has_role(Role.DEPARTMENT_ADMIN) and user.department_id:
        q |= Q(**{f"{prefix}department_id": user.department_id})
    return q


def visible_evaluations_filter(user: Any) -> Q | None:
    """The evaluations `user` may read (None: all of them; an impossible Q: none)."""
    if not _active(user):
        return Q(pk__in=[])
    if user.has_role(*OVERSIGHT):
        return None
    q = Q(pk__in=[])
    if user.has_role(Role.APPLICANT) and user.enterprise_id:
        q |= Q(invitation__project__enterprise_id=user.enterprise_id)
    if user.has_role(Role.OFFICER, Role.GUIDE, Role.DEPARTMENT_ADMIN):
        q |= evaluated_filter(user)
    return q


def is_evaluated_party(user: Any, evaluation: Evaluation) -> bool:
    inv = evaluation.invitation
    if not _active(user):
        return False
    if inv.kind == SubjectKind.SERVICE and inv.officer is not None and inv.officer.user_id == user.pk:
        return True
    if inv.guide_id == user.pk:
        return True
    return bool(
        user.has_role(Role.DEPARTMENT_ADMIN) and inv.department_id and inv.department_id == user.department_id
    )


def can_appeal(user: Any, evaluation: Evaluation) -> bool:
    return is_evaluated_party(user, evaluation) and not hasattr_appeal(evaluation)


def hasattr_appeal(evaluation: Evaluation) -> bool:
    try:
        return evaluation.appeal is not None
    except Appeal.DoesNotExist:
        return False


def follow_up_roles(user: Any, follow_up: FollowUp) -> frozenset[str]:
    """The roles `user` holds for this follow-up (empty: it looks missing)."""
    if not _active(user):
        return frozenset()
    held = {r for r in (Role.CENTER_ADMIN, Role.CENTER_LEADER, Role.SUPERVISOR) if user.has_role(r)}
    if (
        user.has_role(Role.OFFICER)
        and follow_up.responsible == Responsible.OFFICER
        and follow_up.responsible_user_id == user.pk
    ):
        held.add(Role.OFFICER)
    if (
        user.has_role(Role.DEPARTMENT_ADMIN)
        and follow_up.responsible == Responsible.DEPARTMENT
        and user.department_id
        and follow_up.responsible_department_id == user.department_id
    ):
        held.add(Role.DEPARTMENT_ADMIN)
    return frozenset(held)


def visible_follow_ups_filter(user: Any) -> Q | None:
    if not _active(user):
        return Q(pk__in=[])
    if user.has_role(*OVERSIGHT):
        return None
    q = Q(pk__in=[])
    if user.has_role(Role.OFFICER):
        q |= Q(responsible=Responsible.OFFICER, responsible_user=user)
    if user.has_role(Role.DEPARTMENT_ADMIN) and user.department_id:
        q |= Q(responsible=Responsible.DEPARTMENT, responsible_department_id=user.department_id)
    return q


FIGURE_READERS = frozenset({Role.CENTER_ADMIN, Role.CENTER_LEADER, Role.SUPERVISOR, Role.PROJECT_OFFICE})


def can_read_figures(user: Any) -> bool:
    """The satisfaction figures: the centre, the supervisors and the district project office."""
    return _active(user) and user.has_role(*FIGURE_READERS)
