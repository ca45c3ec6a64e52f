"""One deadline of each kind on the coordination tests' project, and one run of every reminder job."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from liaison.consultations.models import Consultation
from liaison.consultations.services.consultations import consultation_raise
from liaison.consultations.services.reminders import consultation_reminders_run
from liaison.coordination.models import Difficulty, MeetingAction
from liaison.coordination.services.actions import action_assign
from liaison.coordination.services.difficulties import difficulty_raise, difficulty_step
from liaison.coordination.services.meetings import meeting_prepare
from liaison.coordination.services.reminders import difficulty_reminders_run
from liaison.tracking.models import EnterpriseObligation
from liaison.tracking.services.obligations import obligation_create
from liaison.tracking.services.reminders import reminders_run

KINDS = {
    "tracking.item",
    "tracking.obligation",
    "consultation.reply",
    "coordination.difficulty",
    "coordination.action",
}


def one_of_each(case):
    """A planned item, an enterprise to-do, a consultation, a difficulty and a meeting action, all due on
    the item's due date."""
    w = case.world
    due = case.item.due_on
    later = timezone.localdate() + dt.timedelta(days=30)
    todo = obligation_create(
        actor=w.officer_user, project=case.project, kind="fee", title="缴费", due_on=later
    )
    EnterpriseObligation.objects.filter(pk=todo.pk).update(due_on=due)
    consultation = consultation_raise(
        actor=w.officer_user,
        project=case.project,
        subject="规划条件",
        situation="情况",
        requests="诉求",
        channel="online",
        approval_item=case.item.approval_item,
    )
    Consultation.objects.filter(pk=consultation.pk).update(reply_due=due)
    d = difficulty_raise(
        actor=w.officer_user,
        project=case.project,
        title="难点",
        description="说明",
        analysis="分析",
        proposal="建议",
    )
    difficulty_step(actor=w.officer_user, difficulty=d, name="report", comment="需协调")
    Difficulty.objects.filter(pk=d.pk).update(due_on=due)
    meeting = meeting_prepare(actor=w.center_admin, held_on=timezone.localdate())
    action = action_assign(
        actor=w.center_admin,
        meeting=meeting,
        description="督办",
        owner=w.officer_user,
        due_on=later,
    )
    MeetingAction.objects.filter(pk=action.pk).update(due_on=due)
    return due


def run_all(today):
    return (
        reminders_run(today=today),
        consultation_reminders_run(today),
        difficulty_reminders_run(today=today),
    )
