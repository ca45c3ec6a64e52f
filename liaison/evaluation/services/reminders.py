"""Reminders of evaluation's deadlines on the engine: the enterprise's invitation (once yellow, once red,
then every N working days — it stays 未评价 if never given), each step of a bad review's follow-up, and the
return visits."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.deadlines.lights import light_context
from liaison.deadlines.models import Threshold
from liaison.deadlines.schedule import Crossing
from liaison.deadlines.services.reminders import Reminder, reminders_send
from liaison.evaluation.deadline_kinds import INVITATION, RECTIFY, RETURN, VERIFY, VISIT
from liaison.evaluation.models import (
    FollowUp,
    FollowUpState,
    Invitation,
    Responsible,
    ReturnVisit,
    VisitState,
)
from liaison.intake.people import centre_admins
from liaison.tracking.people import Audiences


@dataclass
class EvaluationReminderRun:
    sent: dict[str, int] = field(default_factory=dict)


def _invitation(invitation: Invitation, at: Crossing, audiences: Audiences) -> Reminder:
    return Reminder(
        recipients=audiences.project_people(invitation.project, ["enterprise"]),
        message_kind=f"evaluation.reminder.{at.threshold}",
        event_key=f"evaluation:invitation:{invitation.pk}:reminder:{at.step}",
        title=_("欢迎您对服务进行评价：%(t)s") % {"t": invitation.title},
        body=_("评价自愿；您的意见会被认真对待。"),
        url=f"/evaluation/invitations/{invitation.pk}/",
    )


def _follow_up(follow_up: FollowUp, at: Crossing, admins: list[Any], audiences: Audiences) -> Reminder:
    title = follow_up.evaluation.invitation.title
    if follow_up.state == FollowUpState.RECTIFYING:
        if follow_up.responsible == Responsible.OFFICER:
            people: list[Any] = [follow_up.responsible_user]
        else:
            people = audiences.department_admins(follow_up.responsible_department_id or 0)
        if at.threshold != Threshold.YELLOW:
            people = [*people, *admins]
        text = _("差评整改期限 %(d)s：%(t)s")
    else:
        people = admins
        text = _("差评回访期限 %(d)s：%(t)s")
    return Reminder(
        recipients=people,
        message_kind=f"follow_up.reminder.{at.threshold}",
        event_key=f"follow_up:{follow_up.pk}:{follow_up.state}:reminder:{at.due_on.isoformat()}:{at.step}",
        title=text % {"d": at.due_on.isoformat(), "t": title},
        url=f"/evaluation/follow-ups/{follow_up.pk}/",
    )


def _visit(visit: ReturnVisit, at: Crossing, admins: list[Any]) -> Reminder:
    return Reminder(
        recipients=[visit.assignee] if visit.assignee_id else admins,
        message_kind=f"visit.reminder.{at.threshold}",
        event_key=f"visit:{visit.pk}:reminder:{at.step}",
        title=_("回访期限 %(d)s：%(p)s") % {"d": at.due_on.isoformat(), "p": visit.project.name},
        url=f"/evaluation/visits/{visit.pk}/",
    )


def evaluation_reminders_run(*, today: dt.date | None = None) -> EvaluationReminderRun:
    today = today or timezone.localdate()
    run = EvaluationReminderRun()
    admins = centre_admins()  # once per run, not once per reminder
    audiences = Audiences()  # the enterprises' accounts per chunk, each department's admins once per run

    def limit(kind: Any) -> dt.date:
        return light_context(kind.code, today).yellow_limit

    invitations = list(
        Invitation.objects.filter(evaluated_at__isnull=True, due_on__lte=limit(INVITATION))
        .select_related("project")
        .order_by("pk")
    )
    run.sent[INVITATION.code] = reminders_send(
        kind=INVITATION.code,
        subjects=invitations,
        due_on=lambda i: i.due_on or today,
        today=today,
        compose=lambda i, at: _invitation(i, at, audiences),
        prepare=audiences.load,
    ).sent
    for kind, state in (
        (VERIFY, FollowUpState.VERIFYING),
        (RECTIFY, FollowUpState.RECTIFYING),
        (RETURN, FollowUpState.RETURNING),
    ):
        rows = list(
            FollowUp.objects.filter(state=state, due_on__lte=limit(kind))
            .select_related("evaluation__invitation", "responsible_user")
            .order_by("pk")
        )
        run.sent[kind.code] = reminders_send(
            kind=kind.code,
            subjects=rows,
            due_on=lambda f: f.due_on or today,
            today=today,
            compose=lambda f, at: _follow_up(f, at, admins, audiences),
        ).sent
    visits = list(
        ReturnVisit.objects.filter(state=VisitState.PLANNED, due_on__lte=limit(VISIT))
        .select_related("project", "assignee")
        .order_by("pk")
    )
    run.sent[VISIT.code] = reminders_send(
        kind=VISIT.code,
        subjects=visits,
        due_on=lambda v: v.due_on or today,
        today=today,
        compose=lambda v, at: _visit(v, at, admins),
    ).sent
    return run
