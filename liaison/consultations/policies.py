"""Who may see and act on consultations (object-level rules).

A guide sees the consultations addressed to them and those forwarded through them; a department
admin their department's; the officer the consultations of the projects assigned to them; the
enterprise only what was relayed to it; the centre and oversight roles everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import rules
from django.db.models import Exists, OuterRef, Q, QuerySet

from liaison.consultations.models import Consultation, ConsultationState, Forwarding
from liaison.directory.roles import Role
from liaison.intake.people import is_project_officer, officer_project_ids
from liaison.intake.policies import READ_ALL_ROLES

S = ConsultationState
RELAYED_STATES = frozenset({S.RELAYED, S.CONFIRMED, S.CLOSED})


def _authed(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def visible_consultations(user: Any, qs: QuerySet[Consultation] | None = None) -> QuerySet[Consultation]:
    """The consultations `user` may see (one filter, so lists stay in a fixed number of queries)."""
    qs = Consultation.objects.all() if qs is None else qs
    if not _authed(user):
        return qs.none()
    roles = set(user.role_set)
    if roles & set(READ_ALL_ROLES):
        return qs
    # Forwardings are matched with EXISTS, never joined: no row is repeated, so the filter applies to the
    # list itself (a `pk IN (…)` wrapper made PostgreSQL join every consultation before keeping the user's).
    cond = Q(pk__in=[])
    if Role.OFFICER in roles:
        mine = officer_project_ids(user)
        cond |= Q(project_id__in=mine)
    if Role.GUIDE in roles:
        through_them = Forwarding.objects.filter(
            Q(from_guide=user) | Q(to_guide=user), consultation=OuterRef("pk")
        )
        cond |= Q(guide=user) | Q(first_contact=user) | Q(Exists(through_them))
    if Role.DEPARTMENT_ADMIN in roles and user.department_id:
        from_department = Forwarding.objects.filter(
            consultation=OuterRef("pk"), from_item__department_id=user.department_id
        )
        cond |= Q(approval_item__department_id=user.department_id) | Q(Exists(from_department))
    if Role.APPLICANT in roles and user.enterprise_id:
        # Once relayed it stays theirs, also while a later supplementary reply waits to be relayed.
        cond |= Q(project__enterprise_id=user.enterprise_id, relay_count__gt=0)
    return qs.filter(cond)


def consultation_roles(user: Any, consultation: Consultation) -> frozenset[str]:
    """The roles `user` acts in on this consultation (empty: they may not see it)."""
    if not _authed(user):
        return frozenset()
    roles = set(user.role_set)
    held = {r for r in roles if r in READ_ALL_ROLES}
    if Role.OFFICER in roles and is_project_officer(user, consultation.project_id):
        held.add(Role.OFFICER)
    if Role.GUIDE in roles and consultation.guide_id == user.pk:
        held.add(Role.GUIDE)
    if (
        Role.APPLICANT in roles
        and user.enterprise_id
        and user.enterprise_id == consultation.project.enterprise_id
        and consultation.state in RELAYED_STATES
    ):
        held.add(Role.APPLICANT)
    if not held and visible_consultations(user, Consultation.objects.filter(pk=consultation.pk)).exists():
        held.add("reader")  # a guide it passed through, a department admin: they read, they don't act
    return frozenset(held)


@rules.predicate
def can_view_consultation(user: Any, consultation: Consultation) -> bool:
    return bool(consultation_roles(user, consultation))


def can_raise_consultation(user: Any, project: Any) -> bool:
    """The officer assigned to the project raises consultations on it."""
    return bool(_authed(user) and user.has_role(Role.OFFICER) and is_project_officer(user, project.pk))


@rules.predicate
def can_manage_consultation_settings(user: Any, obj: Any = None) -> bool:
    return _authed(user) and user.has_role(Role.CENTER_ADMIN)


@rules.predicate
def can_urge_consultation(user: Any, consultation: Consultation) -> bool:
    """催办 by the centre while the consultation waits on a guide."""
    return consultation.is_pending and _authed(user) and user.has_role(Role.CENTER_ADMIN)


rules.add_perm("consultations.view_consultation", can_view_consultation)


@dataclass(frozen=True)
class RecordsScope:
    """The part of the reply records (the supervision of guides' and departments' replies) a user reads.

    The centre, supervisors and the district project office read the whole district, with the overview
    of open consultations; a department admin their department's lines; a guide their own line only.
    """

    whole_district: bool = False
    department_id: int | None = None
    guide_id: int | None = None

    @property
    def reads_departments(self) -> bool:
        return self.guide_id is None


def records_scope(user: Any) -> RecordsScope | None:
    """What `user` may read of the reply records; None: nothing (the page looks missing)."""
    if not _authed(user):
        return None
    if user.has_role(*READ_ALL_ROLES):
        return RecordsScope(whole_district=True)
    if user.has_role(Role.DEPARTMENT_ADMIN) and user.department_id:
        return RecordsScope(department_id=user.department_id)
    if user.has_role(Role.GUIDE):
        return RecordsScope(department_id=user.department_id, guide_id=user.pk)
    return None
