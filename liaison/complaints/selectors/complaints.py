"""Reads of complaints for pages and the API. Missing and forbidden look the same (404). An integrity
complaint's content is unsealed only here, only for the supervisors, and each read is written in the
personal-data log (`supervisor:complaint:<id>`, like evaluation's `evaluator:evaluation:<id>`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from liaison.complaints.crypto import unseal
from liaison.complaints.deadline_kinds import REGISTRATION, REPLY
from liaison.complaints.models import (
    BusinessState,
    Complaint,
    ComplaintStep,
    Cooperation,
    CooperationKind,
    Evidence,
    IntegrityState,
    Track,
)
from liaison.complaints.policies import (
    business_filter,
    business_roles,
    integrity_filter,
    integrity_roles,
    sees_contact,
)
from liaison.complaints.workflows import BUSINESS_WORKFLOW, INTEGRITY_WORKFLOW
from liaison.core.errors import NotFound
from liaison.core.listing import keyword_filter
from liaison.core.masking import mask_phone
from liaison.core.personal_data import note_unmasked
from liaison.core.workflow import Transition
from liaison.deadlines.lights import Light, light_case, light_context
from liaison.directory.models import User
from liaison.directory.roles import Role

WAITING_BUSINESS = [BusinessState.RECEIVED, BusinessState.INVESTIGATING]
NOT_FOUND = _("投诉不存在或您无权查看。")


def _with_light(qs: QuerySet[Complaint], track: str) -> QuerySet[Complaint]:
    if track == Track.BUSINESS:
        ctx, waiting = light_context(REPLY.code), Q(state__in=WAITING_BUSINESS)
    else:
        ctx, waiting = light_context(REGISTRATION.code), Q(state=IntegrityState.RECEIVED)
    return qs.annotate(light=light_case(ctx, before=[(~waiting, Light.NONE)]))


def business_list(user: Any, *, state: str = "", q: str = "") -> QuerySet[Complaint]:
    rule = business_filter(user)
    if rule is None:
        return Complaint.objects.none()
    qs = Complaint.objects.filter(rule).select_related("officer__user", "guide", "department", "investigator")
    if state in BusinessState.values:
        qs = qs.filter(state=state)
    qs = keyword_filter(qs, q, ["number", "text", "department__name", "guide__full_name"])
    return _with_light(qs, Track.BUSINESS).order_by("-received_at", "-id")


def integrity_list(user: Any, *, state: str = "", q: str = "") -> QuerySet[Complaint]:
    rule = integrity_filter(user)
    if rule is None:
        return Complaint.objects.none()
    qs = Complaint.objects.filter(rule).select_related("officer__user", "guide", "department")
    if state in IntegrityState.values:
        qs = qs.filter(state=state)
    qs = keyword_filter(qs, q, ["number", "department__name", "guide__full_name"])
    return _with_light(qs, Track.INTEGRITY).order_by("-received_at", "-id")


@dataclass(frozen=True)
class TransferLine:
    at: dt.datetime
    moved: bool  # moved from the business track (else lodged on the integrity track)


def transfer_lines(*, limit: int = 50) -> list[TransferLine]:
    """What the centre may know of the integrity track: one line per complaint handled there — the date it
    went to the supervisors and whether it was moved from the business track. No number, no content."""
    rows = (
        Complaint.objects.filter(track=Track.INTEGRITY)
        .annotate(moved_at=Max("transfers__at", filter=Q(transfers__to_track=Track.INTEGRITY)))
        .values_list("received_at", "moved_at")
        .order_by("-received_at", "-id")[:limit]
    )
    return sorted(
        (TransferLine(moved or received, moved is not None) for received, moved in rows),
        key=lambda line: line.at,
        reverse=True,
    )


def subject_label(c: Complaint) -> str:
    if c.officer_id:
        return f"{_('联络官')} {c.officer.user.display_name}"  # type: ignore[union-attr]
    if c.guide_id:
        return f"{_('专职指导员')} {c.guide.display_name}"  # type: ignore[union-attr]
    if c.department_id:
        return f"{_('部门')} {c.department.name}"  # type: ignore[union-attr]
    return str(c.get_subject_kind_display())


@dataclass
class Panel:
    complaint: Complaint
    light: str
    text: str
    happened_on: dt.date | None
    complainant: str
    phone: str
    email: str
    evidence: list[tuple[Evidence, str]]
    steps: list[ComplaintStep]
    cooperations: list[Cooperation]
    actions: list[Transition]
    my_cooperations: list[Cooperation] = field(default_factory=list)
    conclusion: str = ""
    investigators: list[User] = field(default_factory=list)
    subject: str = ""


def _load(rule: Q | None, pk: int, track: str) -> Complaint:
    c = (
        _with_light(Complaint.objects.filter(rule, pk=pk), track)
        .select_related("officer__user", "guide", "department", "project", "investigator", "reviewed_by")
        .prefetch_related(
            Prefetch("steps", queryset=ComplaintStep.objects.select_related("actor")),
            Prefetch(
                "cooperations", queryset=Cooperation.objects.select_related("department", "answered_by")
            ),
            "evidence",
        )
        .first()
        if rule is not None
        else None
    )
    if c is None:
        raise NotFound(NOT_FOUND)
    return c


def _investigators() -> list[User]:
    return list(
        User.objects.filter(is_active=True, memberships__role=Role.CENTER_ADMIN).distinct().order_by("pk")
    )


def access_business(user: Any, pk: int) -> Panel:
    c = _load(business_filter(user), pk, Track.BUSINESS)
    roles = business_roles(user, c)
    full = sees_contact(user)
    is_complainant = bool(c.complainant_user_id and c.complainant_user_id == user.pk)
    centre_or_own = full or is_complainant or user.has_role(Role.SUPERVISOR)
    if full and (c.complainant_phone or c.complainant_email):
        note_unmasked("complainant", f"complaint:{c.pk}")
    cooperations = list(c.cooperations.all())
    department_id = getattr(user, "department_id", None)
    mine = [
        k
        for k in cooperations
        if k.kind == CooperationKind.DEPARTMENT
        and k.department_id == department_id
        and user.has_role(Role.DEPARTMENT_ADMIN)
        and k.answered_at is None
        and c.state == BusinessState.INVESTIGATING
    ]
    return Panel(
        complaint=c,
        light=getattr(c, "light", ""),
        text=c.text,
        happened_on=c.happened_on,
        complainant=c.complainant_name if centre_or_own else "",
        phone=c.complainant_phone
        if full or is_complainant
        else mask_phone(c.complainant_phone)
        if centre_or_own
        else "",
        email=c.complainant_email if full or is_complainant else "",
        evidence=[(e, e.name) for e in c.evidence.all()],
        steps=list(c.steps.all()),
        cooperations=cooperations
        if centre_or_own
        else [k for k in cooperations if k.department_id == department_id],
        actions=BUSINESS_WORKFLOW.available(c.state, roles),
        my_cooperations=mine,
        investigators=_investigators() if Role.CENTER_ADMIN in roles else [],
        subject=subject_label(c),
    )


def access_integrity(user: Any, pk: int) -> Panel:
    """The supervisors' view: the content unsealed, the read logged."""
    c = _load(integrity_filter(user), pk, Track.INTEGRITY)
    content = unseal(c.sealed)
    note_unmasked("supervisor", f"complaint:{c.pk}")
    happened = content.get("happened_on") or ""
    return Panel(
        complaint=c,
        light=getattr(c, "light", ""),
        text=content.get("text", ""),
        happened_on=dt.date.fromisoformat(happened) if happened else None,
        complainant="" if c.anonymous else content.get("name", ""),
        phone="" if c.anonymous else content.get("phone", ""),
        email="" if c.anonymous else content.get("email", ""),
        evidence=[
            (e, unseal(e.sealed_name).get("name", "") if e.sealed_name else e.name) for e in c.evidence.all()
        ],
        steps=list(c.steps.all()),
        cooperations=[k for k in c.cooperations.all() if k.kind == CooperationKind.CENTRE_TASK],
        actions=INTEGRITY_WORKFLOW.available(c.state, integrity_roles(user, c)),
        conclusion=unseal(c.sealed_conclusion).get("conclusion", "") if c.sealed_conclusion else "",
        subject=subject_label(c),
    )


def access_evidence(user: Any, complaint_id: int, evidence_id: int) -> tuple[Evidence, str]:
    """One evidence file the user may read (its complaint readable to them), with its display name."""
    business, integrity = business_filter(user), integrity_filter(user)
    rules = [r for r in (business, integrity) if r is not None]
    if not rules:
        raise NotFound(NOT_FOUND)
    rule = rules[0] if len(rules) == 1 else rules[0] | rules[1]
    evidence = (
        Evidence.objects.filter(pk=evidence_id, complaint_id=complaint_id)
        .filter(complaint__in=Complaint.objects.filter(rule))
        .select_related("complaint")
        .first()
    )
    if evidence is None:
        raise NotFound(NOT_FOUND)
    if evidence.complaint.track == Track.INTEGRITY:
        note_unmasked("supervisor", f"complaint:{complaint_id}")
        return evidence, unseal(evidence.sealed_name).get("name", "") if evidence.sealed_name else ""
    return evidence, evidence.name


def task_list(user: Any, *, open_only: bool = False) -> QuerySet[Cooperation]:
    """The supervisors' cooperation tasks for the centre: the request only, never the complaint's content."""
    if not user.has_role(Role.CENTER_ADMIN, Role.CENTER_LEADER):
        return Cooperation.objects.none()
    qs = Cooperation.objects.filter(kind=CooperationKind.CENTRE_TASK).select_related("answered_by")
    if open_only:
        qs = qs.filter(answered_at__isnull=True)
    return qs.order_by("-requested_at", "-id")


def access_task(user: Any, pk: int) -> Cooperation:
    task = task_list(user).filter(pk=pk).first()
    if task is None:
        raise NotFound(_("协查任务不存在或您无权查看。"))
    return task


def department_requests(user: Any, *, open_only: bool = True) -> QuerySet[Cooperation]:
    if not user.has_role(Role.DEPARTMENT_ADMIN) or not user.department_id:
        return Cooperation.objects.none()
    qs = Cooperation.objects.filter(
        kind=CooperationKind.DEPARTMENT, department_id=user.department_id, complaint__track=Track.BUSINESS
    )
    if open_only:
        qs = qs.filter(answered_at__isnull=True, complaint__state=BusinessState.INVESTIGATING)
    return qs


def state_counts(track: str) -> dict[str, int]:
    rows = Complaint.objects.filter(track=track).values("state").annotate(n=Count("id"))
    return {r["state"]: r["n"] for r in rows}
