"""Spot checks (监督检查): open one, require rectification by a deadline (working days, through the
deadline engine), the party reports, the supervisor sends back or closes. Each step is checked against
INSPECTION_WORKFLOW on the locked row, recorded in the thread, audited and notified in one transaction."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.bounds import id_or_none
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.deadlines.calendar_policy import deadline_after
from liaison.directory.models import Department, User
from liaison.directory.roles import Role
from liaison.intake.models import Project
from liaison.intake.people import department_admins, project_officers
from liaison.notifications.services.notify import notification_send
from liaison.officers.models import Officer
from liaison.supervision.models import Inspection, InspectionState, InspectionStep, SubjectType
from liaison.supervision.policies import can_open_inspection, inspection_roles
from liaison.supervision.workflows import INSPECTION_WORKFLOW
from liaison.tracking.people import Audiences
from liaison.tracking.services.common import clean_text

S = InspectionState
MAX_RECTIFY_DAYS = 60


def _url(inspection: Inspection) -> str:
    return f"/supervision/inspections/{inspection.pk}/"


def _days(value: Any) -> int:
    try:
        days = int(str(value).strip())
    except (TypeError, ValueError):
        days = 0
    if not 1 <= days <= MAX_RECTIFY_DAYS:
        raise DomainError(
            _("整改期限须为 1 至 %(n)d 个工作日。") % {"n": MAX_RECTIFY_DAYS}, field="rectify_days"
        )
    return days


def _subject(inspection: Inspection, subject_type: Any, subject_id: Any) -> None:
    """Fill the inspected subject from the lists (a missing or inactive one is refused)."""
    pk = id_or_none(subject_id)
    if subject_type not in SubjectType.values:
        raise DomainError(_("请选择检查对象类型。"), field="subject_type")
    inspection.subject_type = subject_type
    found: Any = None
    if pk is not None and subject_type == SubjectType.PROJECT:
        found = Project.objects.filter(pk=pk, service_number__isnull=False).first()
        inspection.project = found
    elif pk is not None and subject_type == SubjectType.OFFICER:
        found = Officer.objects.select_related("user").filter(pk=pk).first()
        inspection.officer = found
    elif pk is not None and subject_type == SubjectType.GUIDE:
        found = User.objects.filter(pk=pk, is_active=True, memberships__role=Role.GUIDE).distinct().first()
        if found is not None:
            inspection.guide, inspection.department_id = found, found.department_id
    elif pk is not None and subject_type == SubjectType.DEPARTMENT:
        found = Department.objects.filter(pk=pk, is_active=True).first()
        inspection.department = found
    if found is None:
        raise DomainError(_("请从列表中选择检查对象。"), field="subject_id")


def party_people(inspection: Inspection, audiences: Audiences | None = None) -> list[Any]:
    """Who answers for the rectification: the officer(s), or the department's administrators. With
    `audiences` (loaded for a batch of inspections), from what it holds instead of a query."""
    if inspection.subject_type == SubjectType.OFFICER and inspection.officer is not None:
        return [inspection.officer.user]
    if inspection.subject_type == SubjectType.PROJECT and inspection.project is not None:
        if audiences is not None:
            return audiences.project_people(inspection.project, ["officer"])
        return project_officers(inspection.project)
    if inspection.department_id:
        if audiences is not None:
            return audiences.department_admins(inspection.department_id)
        return department_admins(inspection.department_id)
    return []


def _supervisors(inspection: Inspection) -> list[Any]:
    return [inspection.opened_by]


def _audit(inspection: Inspection, name: str, *, actor: Any, before: dict[str, Any]) -> None:
    audit_record(
        actor=actor,
        action=f"inspection.{name}",
        obj=inspection,
        object_repr=inspection.title,
        before=before,
        after={"state": inspection.state, "rectify_due": inspection.rectify_due},
        summary=_("监督检查：%(t)s（%(a)s）")
        % {
            "t": inspection.title,
            "a": INSPECTION_WORKFLOW.transition(name).label if name != "open" else _("立项检查"),
        },
    )


def inspection_open(
    *, actor: Any, subject_type: Any, subject_id: Any, title: Any, findings: Any
) -> Inspection:
    """A supervisor opens an inspection of a subject chosen from the lists and records the findings."""
    if not can_open_inspection(actor):
        raise PermissionDenied(_("只有区纪委监委的监督人员可以开展监督检查。"))
    title = clean_text(title, field="title", label=_("检查事项"), required=True, limit=200)
    findings = clean_text(findings, field="findings", label=_("检查发现"), required=True)
    inspection = Inspection(title=title, findings=findings, opened_by=actor, opened_on=timezone.localdate())
    _subject(inspection, subject_type, subject_id)
    with transaction.atomic():
        inspection.save()
        InspectionStep.objects.create(
            inspection=inspection,
            name="open",
            from_state="",
            to_state=inspection.state,
            actor=actor,
            acting_role=Role.SUPERVISOR,
            comment=findings,
        )
        _audit(inspection, "open", actor=actor, before={})
    return inspection


def _lock(actor: Any, inspection_id: Any) -> tuple[Inspection, frozenset[str]]:
    pk = id_or_none(inspection_id)
    inspection = (
        Inspection.objects.select_for_update(of=("self",))
        .select_related("officer__user", "project", "guide", "department", "opened_by")
        .filter(pk=pk)
        .first()
        if pk is not None
        else None
    )
    roles = inspection_roles(actor, inspection) if inspection else frozenset()
    if inspection is None or not roles:
        raise NotFound(_("监督检查不存在或您无权查看。"))
    return inspection, roles


def _step(inspection: Inspection, name: str, *, actor: Any, roles: frozenset[str], comment: str) -> str:
    previous = inspection.state
    INSPECTION_WORKFLOW.record_step(
        name,
        inspection,
        roles=roles,
        step_model=InspectionStep,
        link="inspection",
        actor=actor,
        comment=comment,
    )
    return previous


def _finish(inspection: Inspection, name: str, previous: str, *, actor: Any, people: list[Any]) -> Inspection:
    inspection.save()
    _audit(inspection, name, actor=actor, before={"state": previous})
    label = INSPECTION_WORKFLOW.transition(name).label
    notification_send(
        recipients=[p for p in people if p is not None and p.pk != actor.pk],
        kind=f"inspection.{name}",
        event_key=f"inspection:{inspection.pk}:{name}:{inspection.steps.count()}",
        # the title only: the findings stay with the supervisors
        title=_("监督检查：%(t)s（%(a)s）") % {"t": inspection.title, "a": label},
        url=_url(inspection),
    )
    return inspection


def inspection_require_rectification(
    *, actor: Any, inspection_id: Any, asked: Any, rectify_days: Any
) -> Inspection:
    asked = clean_text(asked, field="asked", label=_("整改要求"), required=True)
    days = _days(rectify_days)
    with transaction.atomic():
        inspection, roles = _lock(actor, inspection_id)
        previous = _step(inspection, "require", actor=actor, roles=roles, comment=asked)
        today = timezone.localdate()
        inspection.rectification_asked, inspection.rectification_required_on = asked, today
        inspection.rectify_days = days
        inspection.rectify_due = deadline_after(today, days).due_on
        return _finish(inspection, "require", previous, actor=actor, people=party_people(inspection))


def inspection_report(*, actor: Any, inspection_id: Any, report: Any) -> Inspection:
    report = clean_text(report, field="report", label=_("整改情况"), required=True)
    with transaction.atomic():
        inspection, roles = _lock(actor, inspection_id)
        previous = _step(inspection, "report", actor=actor, roles=roles, comment=report)
        inspection.reported_on = timezone.localdate()
        return _finish(inspection, "report", previous, actor=actor, people=_supervisors(inspection))


def inspection_send_back(
    *, actor: Any, inspection_id: Any, comment: Any, rectify_days: Any = None
) -> Inspection:
    comment = clean_text(comment, field="comment", label=_("退回理由"), required=True)
    with transaction.atomic():
        inspection, roles = _lock(actor, inspection_id)
        days = _days(rectify_days) if rectify_days not in (None, "") else (inspection.rectify_days or 5)
        previous = _step(inspection, "send_back", actor=actor, roles=roles, comment=comment)
        inspection.rectify_days = days
        inspection.rectify_due = deadline_after(timezone.localdate(), days).due_on
        inspection.reported_on = None
        return _finish(inspection, "send_back", previous, actor=actor, people=party_people(inspection))


def inspection_close(*, actor: Any, inspection_id: Any, conclusion: Any) -> Inspection:
    """The supervisor accepts the rectification (or, with none required, closes the check)."""
    conclusion = clean_text(conclusion, field="conclusion", label=_("检查结论"), required=True)
    with transaction.atomic():
        inspection, roles = _lock(actor, inspection_id)
        previous = _step(inspection, "close", actor=actor, roles=roles, comment=conclusion)
        inspection.conclusion, inspection.closed_on = conclusion, timezone.localdate()
        people = party_people(inspection) if inspection.rectification_required_on else []
        return _finish(inspection, "close", previous, actor=actor, people=people)
