"""The end of a service (Art. 15, 16, Art. 3): completion with the handover list, disputes, termination,
the role x step matrix (refusals leave nothing behind) and the record read-only afterwards."""

from __future__ import annotations

import pytest

from liaison.audit.models import AuditEvent
from liaison.closure.models import HandoverLine, Service, ServiceState, ServiceStep
from liaison.closure.services.completion import (
    service_confirm_completion,
    service_confirm_receipt,
    service_dispute_handover,
    service_prepare_completion,
)
from liaison.closure.services.termination import (
    service_confirm_termination,
    service_request_termination,
    service_withdraw_termination,
)
from liaison.coordination.services.difficulties import difficulty_raise
from liaison.core.errors import Conflict, DomainError, NotFound, PermissionDenied
from liaison.intake.models import Entrustment
from liaison.intake.tests.test_services_support import request_in
from liaison.notifications.models import Notification
from liaison.tracking.models import ProjectItem
from liaison.tracking.services.project_items import project_item_mark_not_needed
from liaison.tracking.tests.builders import item_of

pytestmark = pytest.mark.django_db
LINES = [
    {
        "name": "建设工程规划许可证",
        "issuer": "昆明市自然资源和规划局",
        "number": "建字第530102202600123号",
        "copies": 1,
        "pages": 2,
    },
    {
        "name": "审图合格书（复印件）",
        "original": False,
        "copies": 2,
        "handed_over": False,
        "not_handed_reason": "原件由住建部门存档",
    },
]


def _finish_items(case):
    for item in ProjectItem.objects.filter(project=case.project):
        project_item_mark_not_needed(
            actor=case.world.officer_user, project_item=item, reason="本项目无需办理"
        )


def _prepared(case):
    _finish_items(case)
    return service_prepare_completion(actor=case.world.officer_user, project=case.project, lines=LINES)


def test_completion_runs_from_the_officer_to_the_enterprise_to_the_centre(case):
    w = case.world
    service = _prepared(case)
    assert (service.state, service.due_on is not None) == (ServiceState.COMPLETION_PREPARED, True)
    assert list(HandoverLine.objects.values_list("position", "handed_over")) == [(1, True), (2, False)]
    assert Notification.objects.filter(kind="service.completion_prepared", recipient=w.applicant).exists()
    service_confirm_receipt(actor=w.applicant, project=case.project, comment="已收到")
    done = service_confirm_completion(actor=w.center_admin, project=case.project)
    case.project.refresh_from_db()
    assert (done.state, case.project.service_end, case.project.service_ended_at is not None) == (
        ServiceState.COMPLETED,
        "completed",
        True,
    )
    assert [s.name for s in ServiceStep.objects.order_by("id")] == [
        "prepare_completion",
        "confirm_receipt",
        "confirm_completion",
    ]
    assert AuditEvent.objects.filter(action__startswith="service.").count() == 3
    assert Notification.objects.filter(kind="service.completed", recipient=w.applicant).exists()


def test_the_record_is_read_only_once_the_service_has_ended(case):
    w = case.world
    _prepared(case)
    service_confirm_receipt(actor=w.applicant, project=case.project)
    service_confirm_completion(actor=w.center_admin, project=case.project)
    with pytest.raises(Conflict, match="只能查看"):
        difficulty_raise(
            actor=w.officer_user, project=case.project, title="t", description="d", analysis="a", proposal="p"
        )
    with pytest.raises(DomainError):
        service_request_termination(
            actor=w.applicant, project=case.project, reason="enterprise_request", note="x"
        )


def test_the_officer_cannot_prepare_completion_with_items_open(case):
    with pytest.raises(DomainError, match="未办结") as refused:
        service_prepare_completion(actor=case.world.officer_user, project=case.project, lines=LINES)
    assert refused.value.field == "outcomes"
    assert not ServiceStep.objects.exists() and not HandoverLine.objects.exists()


def test_the_centre_closes_early_with_an_outcome_for_each_open_item(case):
    w = case.world
    with pytest.raises(DomainError, match="处理结果"):
        service_prepare_completion(
            actor=w.center_admin, project=case.project, lines=LINES, note="企业要求", outcomes={0: "x"}
        )
    assert item_of(case.project, case.item.approval_item.code).state == case.item.state  # nothing half-done
    service_prepare_completion(
        actor=w.center_admin,
        project=case.project,
        lines=LINES,
        note="项目单位要求提前办结",
        outcomes={case.item.pk: "withdrawn"},
    )
    assert ProjectItem.objects.get(pk=case.item.pk).state == "withdrawn"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ({"name": ""}, "资料名称"),
        ({"name": "许可证", "copies": 0}, "份数"),
        ({"name": "许可证", "pages": 0}, "页数"),
        ({"name": "许可证", "handed_over": False}, "未移交原因"),
    ],
)
def test_a_bad_handover_line_is_refused_and_nothing_is_saved(case, line, message):
    _finish_items(case)
    with pytest.raises(DomainError, match=message):
        service_prepare_completion(actor=case.world.officer_user, project=case.project, lines=[line])
    assert not HandoverLine.objects.exists()
    assert not Service.objects.exclude(state=ServiceState.IN_SERVICE).exists()


def test_a_disputed_line_goes_back_to_the_officer_who_prepares_again(case):
    w = case.world
    _prepared(case)
    first = HandoverLine.objects.get(position=1)
    with pytest.raises(DomainError, match="至少"):
        service_dispute_handover(actor=w.applicant, project=case.project, disputes={first.pk: "  "})
    service = service_dispute_handover(
        actor=w.applicant, project=case.project, disputes={first.pk: "缺少附图"}
    )
    assert service.state == ServiceState.IN_SERVICE
    assert HandoverLine.objects.get(pk=first.pk).dispute_note == "缺少附图"
    assert Notification.objects.filter(kind="service.handover_disputed", recipient=w.officer_user).exists()
    again = service_prepare_completion(actor=w.officer_user, project=case.project, lines=LINES[:1])
    assert again.state == ServiceState.COMPLETION_PREPARED and HandoverLine.objects.count() == 1


def test_the_enterprise_asks_to_terminate_and_the_centre_confirms(case):
    w = case.world
    with pytest.raises(DomainError, match="项目单位申请终止时"):
        service_request_termination(
            actor=w.applicant, project=case.project, reason="project_cancelled", note="x"
        )
    with pytest.raises(DomainError, match="终止原因说明"):
        service_request_termination(
            actor=w.applicant, project=case.project, reason="enterprise_request", note=" "
        )
    service = service_request_termination(
        actor=w.applicant,
        project=case.project,
        reason="enterprise_request",
        note="项目投资计划调整，暂不建设",
    )
    assert service.state == ServiceState.TERMINATION_REQUESTED
    done = service_confirm_termination(actor=w.center_admin, project=case.project, comment="同意")
    assert done.state == ServiceState.TERMINATED
    item = ProjectItem.objects.get(pk=case.item.pk)
    assert item.state == "withdrawn"
    assert "项目投资计划调整" in item.transitions.order_by("-id").first().comment
    case.project.refresh_from_db()
    assert case.project.service_end == "terminated"


def test_a_termination_request_can_be_withdrawn_by_whoever_asked_or_the_centre(case):
    w = case.world
    service_request_termination(
        actor=w.center_admin, project=case.project, reason="conditions_lacking", note="用地条件不具备"
    )
    with pytest.raises(DomainError, match="提出终止申请的一方"):
        service_withdraw_termination(actor=w.applicant, project=case.project)
    service = service_withdraw_termination(actor=w.center_admin, project=case.project)
    assert (service.state, service.termination_reason) == (ServiceState.IN_SERVICE, "")


STEPS = {
    "prepare_completion": lambda w, p: service_prepare_completion(actor=w, project=p, lines=LINES),
    "confirm_receipt": lambda w, p: service_confirm_receipt(actor=w, project=p),
    "confirm_completion": lambda w, p: service_confirm_completion(actor=w, project=p),
    "request_termination": lambda w, p: service_request_termination(
        actor=w, project=p, reason="other", note="原因"
    ),
    "confirm_termination": lambda w, p: service_confirm_termination(actor=w, project=p),
}
ALLOWED = {  # from "in service" (items all finished): who may take which step
    "prepare_completion": {"officer_user", "center_admin"},
    "confirm_receipt": set(),
    "confirm_completion": set(),
    "request_termination": {"applicant", "center_admin"},
    "confirm_termination": set(),
}


@pytest.mark.parametrize("step", sorted(STEPS))
@pytest.mark.parametrize(
    "persona",
    [
        "officer_user",
        "center_admin",
        "center_leader",
        "applicant",
        "guide",
        "supervisor",
        "project_office",
        "other",
    ],
)
def test_every_role_and_step_from_in_service(case, step, persona):
    w = case.world
    _finish_items(case)
    actor = case.other_officer.user if persona == "other" else getattr(w, persona)
    before = (ServiceStep.objects.count(), Notification.objects.count(), AuditEvent.objects.changes().count())
    if persona in ALLOWED[step]:
        STEPS[step](actor, case.project)
        assert ServiceStep.objects.count() == before[0] + 1
        return
    outsider = persona in {"guide", "project_office", "other"}
    with pytest.raises(NotFound if outsider else (PermissionDenied, DomainError)):
        STEPS[step](actor, case.project)
    assert (
        ServiceStep.objects.count(),
        Notification.objects.count(),
        AuditEvent.objects.changes().count(),
    ) == before
    assert not Service.objects.exclude(state=ServiceState.IN_SERVICE).exists()


def test_a_new_entrustment_continues_an_ended_service(case):
    w = case.world
    service_request_termination(
        actor=w.applicant, project=case.project, reason="enterprise_request", note="暂停"
    )
    service_confirm_termination(actor=w.center_admin, project=case.project)
    case.project.refresh_from_db()
    assert case.project.service_ended_at is not None
    old = Entrustment.objects.get(project=case.project)
    assert old.status == "concluded"
    request_in("accepted", applicant=w.applicant, admin=w.center_admin, project=case.project)  # 续办
    case.project.refresh_from_db()
    assert case.project.service_ended_at is None
    assert Service.objects.get(entrustment=old).state == ServiceState.TERMINATED  # the history stays


def test_an_unconfirmed_handover_is_reminded_once_per_crossing(case):
    from liaison.closure.services.reminders import closure_reminders_run
    from liaison.workcal.calendar import add_working_days

    w = case.world
    service = _prepared(case)
    assert closure_reminders_run(today=service.due_on).receipts == 1  # due today: yellow
    assert closure_reminders_run(today=service.due_on).receipts == 0
    late = add_working_days(service.due_on, 1)
    assert closure_reminders_run(today=late).receipts == 1  # red: the officer hears of it too
    told = set(
        Notification.objects.filter(kind="service.reminder.red").values_list("recipient_id", flat=True)
    )
    assert told == {w.applicant.pk, w.officer_user.pk}
    service_confirm_receipt(actor=w.applicant, project=case.project)
    assert closure_reminders_run(today=late).receipts == 0  # no longer waiting on the enterprise
