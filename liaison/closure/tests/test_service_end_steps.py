"""When a service ends, what is still open on it ends with it as a recorded step (Art. 15–16): a
consultation waiting on a guide is withdrawn and the guide told, an answered one is closed, a difficulty
still being coordinated is withdrawn and whoever it waited on told, the enterprise's open to-dos are
cancelled with the reason. The records stay, read-only, with the step in their history."""

from __future__ import annotations

import datetime as dt

import pytest

from liaison.audit.models import AuditEvent
from liaison.closure.services.termination import service_confirm_termination, service_request_termination
from liaison.consultations.models import ConsultationEvent, ConsultationState
from liaison.consultations.services.consultations import consultation_raise
from liaison.consultations.services.replies import consultation_reply
from liaison.consultations.tests.builders import reply_form
from liaison.coordination.models import DifficultyState, DifficultyStep
from liaison.coordination.tests.test_services import raise_one, step
from liaison.directory.todos import todo_count
from liaison.notifications.models import Notification
from liaison.tracking.models import EnterpriseObligation
from liaison.tracking.selectors.obligations import obligation_rows
from liaison.tracking.services.obligations import obligation_create

pytestmark = pytest.mark.django_db


def _consult(case, subject):
    return consultation_raise(
        actor=case.world.officer_user,
        project=case.project,
        subject=subject,
        situation="项目已取得用地批复。",
        requests="请告知办理所需材料。",
        channel="online",
        project_items=[case.item],
    )


def test_terminating_ends_the_open_consultations_difficulties_and_to_dos(case):
    w = case.world
    waiting = _consult(case, "规划许可材料")
    answered = _consult(case, "施工许可条件")
    consultation_reply(actor=w.guide, consultation=answered, form=reply_form())
    difficulty = raise_one(case)
    step(w.officer_user, difficulty, "report")
    step(w.center_admin, difficulty, "escalate", category="overlapping_duties")
    todo = obligation_create(
        actor=w.officer_user,
        project=case.project,
        kind="material",
        title="提交用地批复复印件",
        due_on=dt.date(2030, 1, 7),
    )
    assert todo_count("coordination.difficulties", w.center_leader) == 1
    other_project_todo = obligation_create(
        actor=w.center_admin,
        project=case.other_project,
        kind="fee",
        title="缴纳费用",
        due_on=dt.date(2030, 1, 7),
    )

    service_request_termination(
        actor=w.applicant, project=case.project, reason="enterprise_request", note="暂缓"
    )
    service_confirm_termination(actor=w.center_admin, project=case.project)

    waiting.refresh_from_db()
    answered.refresh_from_db()
    assert (waiting.state, answered.state) == (ConsultationState.WITHDRAWN, ConsultationState.CLOSED)
    assert "联络官服务已终止" in waiting.end_note and "项目单位申请终止委托" in waiting.end_note
    assert ConsultationEvent.objects.filter(consultation=waiting, kind="withdrawn").count() == 1
    assert ConsultationEvent.objects.filter(consultation=answered, kind="closed").count() == 1
    assert Notification.objects.filter(kind="consultation.withdrawn", recipient=w.guide).count() == 1

    difficulty.refresh_from_db()
    assert difficulty.state == DifficultyState.WITHDRAWN and difficulty.ended_at is not None
    last = DifficultyStep.objects.filter(difficulty=difficulty).last()
    assert (last.name, last.from_state, last.acting_role) == (
        "end_with_service",
        "awaiting_approval",
        "system",
    )
    told = Notification.objects.filter(kind="difficulty.end_with_service").values_list(
        "recipient_id", flat=True
    )
    assert list(told) == [w.center_leader.pk]  # it was waiting on the leader's approval
    assert todo_count("coordination.difficulties", w.center_leader) == 0

    todo.refresh_from_db()
    assert todo.done and todo.cancel_reason.startswith("联络官服务已终止") and todo.done_by == w.center_admin
    [row] = [r for r in obligation_rows(user=w.applicant, project=case.project)]
    assert (row.light, row.light_label) == ("cancelled", "已取消")
    assert EnterpriseObligation.objects.get(pk=other_project_todo.pk).done is False  # another project's stays
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {
        "consultation.withdraw_with_service",
        "consultation.close_with_service",
        "difficulty.end_with_service",
        "obligation.cancel_with_service",
    } <= actions


def test_a_service_that_ends_with_nothing_open_records_no_extra_step(case):
    w = case.world
    before = AuditEvent.objects.count()
    service_request_termination(
        actor=w.applicant, project=case.project, reason="enterprise_request", note="暂缓"
    )
    service_confirm_termination(actor=w.center_admin, project=case.project)
    actions = list(AuditEvent.objects.order_by("pk").values_list("action", flat=True)[before:])
    assert not [a for a in actions if a.endswith("_with_service")]
