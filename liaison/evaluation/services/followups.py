"""Following up a bad review: 回访核实 (the centre, within N working days) → 整改 (the officer or the
department, by a deadline) → 回访 (the centre records whether the evaluator accepts) → closed. Each step is
checked against FOLLOW_UP_WORKFLOW, recorded, audited and notified in one transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.bounds import id_or_none
from liaison.core.errors import DomainError, NotFound
from liaison.deadlines.calendar_policy import deadline_after
from liaison.directory.models import Department
from liaison.directory.roles import Role
from liaison.evaluation.models import Evaluation, FollowUp, FollowUpState, FollowUpStep, Responsible
from liaison.evaluation.policies import follow_up_roles
from liaison.evaluation.settings_row import evaluation_settings
from liaison.evaluation.workflows import FOLLOW_UP_WORKFLOW
from liaison.intake.people import centre_admins, department_admins
from liaison.notifications.services.notify import notification_send
from liaison.tracking.services.common import clean_text

F = FollowUpState


def _due(days: int) -> dt.date | None:
    return deadline_after(timezone.localdate(), days).due_on


def _url(follow_up: FollowUp) -> str:
    return f"/evaluation/follow-ups/{follow_up.pk}/"


def follow_up_open(evaluation: Evaluation, *, actor: Any) -> FollowUp | None:
    """Open the follow-up of a bad review (once per evaluation); the centre is told to verify it."""
    if FollowUp.objects.filter(evaluation=evaluation).exists():
        return None
    due = _due(evaluation_settings().verify_days)
    follow_up = FollowUp.objects.create(evaluation=evaluation, verify_due=due, due_on=due)
    audit_record(
        actor=actor,
        action="follow_up.open",
        obj=follow_up,
        object_repr=evaluation.invitation.title,
        after={"state": follow_up.state, "due_on": due},
        summary=_("差评进入回访核实：%(t)s") % {"t": evaluation.invitation.title},
    )
    notification_send(
        recipients=centre_admins(),
        kind="follow_up.opened",
        event_key=f"follow_up:{follow_up.pk}:opened",
        title=_("收到差评，请回访核实：%(t)s") % {"t": evaluation.invitation.title},
        url=_url(follow_up),
    )
    return follow_up


def _lock(actor: Any, follow_up_id: int) -> tuple[FollowUp, frozenset[str]]:
    follow_up = (
        FollowUp.objects.select_for_update(of=("self",))
        .select_related("evaluation__invitation__project", "evaluation__invitation__officer__user")
        .filter(pk=follow_up_id)
        .first()
    )
    roles = follow_up_roles(actor, follow_up) if follow_up else frozenset()
    if follow_up is None or not roles:
        raise NotFound(_("差评处理记录不存在或您无权查看。"))
    return follow_up, roles


def _step(follow_up: FollowUp, name: str, *, actor: Any, roles: frozenset[str], comment: str) -> str:
    previous = follow_up.state
    FOLLOW_UP_WORKFLOW.record_step(
        name, follow_up, roles=roles, step_model=FollowUpStep, link="follow_up", actor=actor, comment=comment
    )
    return previous


def _finish(follow_up: FollowUp, name: str, previous: str, *, actor: Any, people: list[Any]) -> FollowUp:
    follow_up.save()
    title = follow_up.evaluation.invitation.title
    label = FOLLOW_UP_WORKFLOW.transition(name).label
    audit_record(
        actor=actor,
        action=f"follow_up.{name}",
        obj=follow_up,
        object_repr=title,
        before={"state": previous},
        after={"state": follow_up.state, "due_on": follow_up.due_on},
        summary=_("差评处理：%(t)s（%(a)s）") % {"t": title, "a": label},
    )
    notification_send(
        recipients=[p for p in people if p is not None and p.pk != actor.pk],
        kind=f"follow_up.{name}",
        event_key=f"follow_up:{follow_up.pk}:{name}:{follow_up.steps.count()}",
        title=_("差评处理：%(t)s（%(a)s）") % {"t": title, "a": label},
        url=_url(follow_up),
    )
    return follow_up


def _responsible_people(follow_up: FollowUp) -> list[Any]:
    if follow_up.responsible == Responsible.OFFICER:
        return [follow_up.responsible_user]
    if follow_up.responsible_department_id:
        return department_admins(follow_up.responsible_department_id)
    return []


def _responsible(follow_up: FollowUp, responsible: str, department_id: Any) -> None:
    inv = follow_up.evaluation.invitation
    if responsible == Responsible.OFFICER:
        if inv.officer is None:
            raise DomainError(_("该评价没有对应的联络官，请交办给部门。"), field="responsible")
        follow_up.responsible_user = inv.officer.user
        follow_up.responsible_department = None
    elif responsible == Responsible.DEPARTMENT:
        pk = id_or_none(department_id or inv.department_id)
        department = Department.objects.filter(pk=pk, is_active=True).first() if pk else None
        if department is None:
            raise DomainError(_("请选择整改责任部门。"), field="department")
        follow_up.responsible_department, follow_up.responsible_user = department, None
    else:
        raise DomainError(_("请选择整改责任方（联络官或部门）。"), field="responsible")
    follow_up.responsible = responsible


def follow_up_confirm(
    *,
    actor: Any,
    follow_up_id: int,
    verification: Any,
    responsible: str,
    asked: Any,
    department_id: Any = None,
    rectify_days: Any = None,
) -> FollowUp:
    verification = clean_text(verification, field="verification", label=_("核实情况"), required=True)
    asked = clean_text(asked, field="asked", label=_("整改要求"), required=True)
    limits = evaluation_settings()
    try:
        days = int(rectify_days) if rectify_days not in (None, "") else limits.rectify_days
    except (TypeError, ValueError):
        days = 0
    if not 1 <= days <= 60:
        raise DomainError(_("整改期限须为 1 至 60 个工作日。"), field="rectify_days")
    with transaction.atomic():
        follow_up, roles = _lock(actor, follow_up_id)
        previous = _step(follow_up, "confirm", actor=actor, roles=roles, comment=verification)
        _responsible(follow_up, responsible, department_id)
        follow_up.verification, follow_up.verified_on = verification, timezone.localdate()
        follow_up.rectification_asked = asked
        follow_up.rectify_due = follow_up.due_on = _due(days)
        return _finish(follow_up, "confirm", previous, actor=actor, people=_responsible_people(follow_up))


def follow_up_dismiss(*, actor: Any, follow_up_id: int, verification: Any) -> FollowUp:
    verification = clean_text(verification, field="verification", label=_("核实情况"), required=True)
    with transaction.atomic():
        follow_up, roles = _lock(actor, follow_up_id)
        previous = _step(follow_up, "dismiss", actor=actor, roles=roles, comment=verification)
        follow_up.verification, follow_up.verified_on, follow_up.due_on = (
            verification,
            timezone.localdate(),
            None,
        )
        return _finish(follow_up, "dismiss", previous, actor=actor, people=[])


def follow_up_report(*, actor: Any, follow_up_id: int, report: Any) -> FollowUp:
    report = clean_text(report, field="report", label=_("整改情况"), required=True)
    with transaction.atomic():
        follow_up, roles = _lock(actor, follow_up_id)
        previous = _step(follow_up, "report", actor=actor, roles=roles, comment=report)
        follow_up.rectification_report, follow_up.reported_on = report, timezone.localdate()
        follow_up.return_due = follow_up.due_on = _due(evaluation_settings().return_days)
        return _finish(follow_up, "report", previous, actor=actor, people=centre_admins())


def follow_up_send_back(*, actor: Any, follow_up_id: int, comment: Any) -> FollowUp:
    comment = clean_text(comment, field="comment", label=_("退回理由"), required=True)
    with transaction.atomic():
        follow_up, roles = _lock(actor, follow_up_id)
        previous = _step(follow_up, "send_back", actor=actor, roles=roles, comment=comment)
        follow_up.rectify_due = follow_up.due_on = _due(evaluation_settings().rectify_days)
        follow_up.reported_on = None
        return _finish(follow_up, "send_back", previous, actor=actor, people=_responsible_people(follow_up))


def follow_up_close(*, actor: Any, follow_up_id: int, accepts: Any, note: Any) -> FollowUp:
    note = clean_text(note, field="note", label=_("回访情况"), required=True)
    if accepts not in (True, False):
        raise DomainError(_("请记录评价人是否认可整改。"), field="accepts")
    with transaction.atomic():
        follow_up, roles = _lock(actor, follow_up_id)
        previous = _step(follow_up, "close", actor=actor, roles=roles, comment=note)
        follow_up.return_note, follow_up.returned_on = note, timezone.localdate()
        follow_up.evaluator_accepts, follow_up.due_on = accepts, None
        return _finish(follow_up, "close", previous, actor=actor, people=_responsible_people(follow_up))


def follow_up_end_by_appeal(follow_up: FollowUp, *, actor: Any, reason: str) -> None:
    """An upheld appeal ends the follow-up (the leader's decision, inside the appeal's transaction)."""
    if follow_up.state not in (F.VERIFYING, F.RECTIFYING, F.RETURNING):
        return
    roles = frozenset({Role.CENTER_LEADER}) if actor.has_role(Role.CENTER_LEADER) else frozenset()
    previous = _step(follow_up, "appeal_upheld", actor=actor, roles=roles, comment=reason)
    follow_up.due_on = None
    _finish(follow_up, "appeal_upheld", previous, actor=actor, people=_responsible_people(follow_up))
