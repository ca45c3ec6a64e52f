"""Termination hands the documents over too (Art. 16: 终止委托代办手续，注明终止原因，移交相关资料): the
centre confirms the termination with a handover list made from the register, the enterprise confirms its
receipt afterwards (reminded on the engine, counted in its 待办), which hands the register's entries over."""

from __future__ import annotations

import pytest

from liaison.closure.models import CustodyEntry, HandoverLine, Service, ServiceState
from liaison.closure.selectors.lists import RECEIPT_FILTER, service_list
from liaison.closure.selectors.service import access_service
from liaison.closure.services.reminders import closure_reminders_run
from liaison.closure.services.termination import (
    service_confirm_termination,
    service_confirm_termination_receipt,
    service_request_termination,
)
from liaison.closure.tests.test_custody import _original
from liaison.core.docx_kit import BLANK_DATE
from liaison.core.errors import DomainError, PermissionDenied
from liaison.directory.todos import todo_count
from liaison.notifications.models import Notification
from liaison.workcal.calendar import add_working_days

pytestmark = pytest.mark.django_db


def _requested(case):
    return service_request_termination(
        actor=case.world.applicant, project=case.project, reason="enterprise_request", note="项目暂缓建设"
    )


def test_the_termination_lists_the_register_and_the_enterprise_confirms_receipt(case):
    w = case.world
    held = _original(case, "国有土地使用证（原件）")
    kept = _original(case, "营业执照（复印件）")
    _requested(case)
    service = service_confirm_termination(
        actor=w.center_admin,
        project=case.project,
        comment="同意终止",
        kept={kept.pk: "复印件随申报材料存档"},
        lines=[{"name": "项目咨询意见回复表", "copies": 2}],
    )
    assert service.state == ServiceState.TERMINATED and service.termination_handover_pending
    assert service.due_on is not None  # the enterprise's receipt period
    ended_at = service.ended_at
    lines = list(HandoverLine.objects.filter(service=service).order_by("position"))
    assert [(x.name, x.handed_over) for x in lines] == [
        ("国有土地使用证（原件）", True),
        ("营业执照（复印件）", False),
        ("项目咨询意见回复表", True),
    ]
    assert todo_count("closure.receipt", w.applicant) == 1
    assert [r.project.pk for r in service_list(w.applicant, state=RECEIPT_FILTER)] == [case.project.pk]
    assert "confirm_termination_receipt" in access_service(w.applicant, case.project.pk).action_names
    assert (
        "相关资料已列入移交清单"
        in Notification.objects.get(kind="service.terminated", recipient=w.applicant).body
    )

    with pytest.raises((PermissionDenied, DomainError)):
        service_confirm_termination_receipt(actor=w.officer_user, project=case.project)
    done = service_confirm_termination_receipt(actor=w.applicant, project=case.project, comment="已收到")
    assert (done.state, done.termination_handover_pending, done.due_on) == (
        ServiceState.TERMINATED,
        False,
        None,
    )
    assert done.ended_at == ended_at  # the service ended at the termination, not at the receipt
    assert CustodyEntry.objects.get(pk=held.pk).state == "handed_over"
    assert CustodyEntry.objects.get(pk=kept.pk).state == "held"
    assert todo_count("closure.receipt", w.applicant) == 0
    assert "confirm_termination_receipt" not in access_service(w.applicant, case.project.pk).action_names
    with pytest.raises(DomainError, match="没有待确认"):
        service_confirm_termination_receipt(actor=w.applicant, project=case.project)


def test_a_termination_with_nothing_to_hand_over_waits_on_nobody(case):
    w = case.world
    _requested(case)
    service = service_confirm_termination(actor=w.center_admin, project=case.project)
    assert (service.termination_handover_pending, service.due_on) == (False, None)
    assert not HandoverLine.objects.exists()
    assert todo_count("closure.receipt", w.applicant) == 0
    with pytest.raises(DomainError, match="没有待确认"):
        service_confirm_termination_receipt(actor=w.applicant, project=case.project)


def test_a_bad_line_refuses_the_termination_and_saves_nothing(case):
    w = case.world
    _original(case)
    _requested(case)
    with pytest.raises(DomainError):
        service_confirm_termination(
            actor=w.center_admin, project=case.project, lines=[{"name": "x", "copies": 0}]
        )
    service = Service.objects.get(project=case.project)
    assert service.state == ServiceState.TERMINATION_REQUESTED and not service.termination_handover_pending
    assert not HandoverLine.objects.exists()
    case.item.refresh_from_db()
    assert case.item.state != "withdrawn"


def test_an_unconfirmed_termination_handover_is_reminded(case):
    w = case.world
    _original(case)
    _requested(case)
    service = service_confirm_termination(actor=w.center_admin, project=case.project)
    assert closure_reminders_run(today=service.due_on).receipts == 1
    late = add_working_days(service.due_on, 1)
    assert closure_reminders_run(today=late).receipts == 1
    told = set(
        Notification.objects.filter(kind="service.reminder.red").values_list("recipient_id", flat=True)
    )
    assert w.applicant.pk in told
    service_confirm_termination_receipt(actor=w.applicant, project=case.project)
    assert closure_reminders_run(today=add_working_days(late, 2)).receipts == 0


def test_the_handover_list_document_of_a_termination_dates_the_listing_and_the_receipt(case):
    from liaison.closure.documents.context import handover_context

    w = case.world
    _original(case)
    _requested(case)
    service = service_confirm_termination(actor=w.center_admin, project=case.project)
    context = handover_context(service)
    assert context["line_count"] == 1 and "年" in context["handed_over_on"]
    assert context["received_on"] == BLANK_DATE
    service = service_confirm_termination_receipt(actor=w.applicant, project=case.project)
    assert handover_context(service)["received_on"] == context["handed_over_on"]  # both today


def test_the_termination_receipt_stays_owed_after_a_new_entrustment(case, client):
    """Art. 16 after 续办: the enterprise still confirms the documents listed at the termination, on the
    earlier service, while the new service runs on."""
    from liaison.intake.tests.test_services_support import request_in

    w = case.world
    held = _original(case, "国有土地使用证（原件）")
    _requested(case)
    old = service_confirm_termination(actor=w.center_admin, project=case.project, comment="同意终止")
    assert old.termination_handover_pending
    request_in("accepted", applicant=w.applicant, admin=w.center_admin, project=case.project)  # 续办
    panel = access_service(w.applicant, case.project.pk)
    assert panel.service.pk != old.pk and panel.service.state == ServiceState.IN_SERVICE
    assert panel.earlier_pending is not None and panel.earlier_pending.pk == old.pk
    assert [x.name for x in panel.earlier_lines] == ["国有土地使用证（原件）"]
    assert panel.earlier_action_names == {"confirm_termination_receipt"}
    assert "confirm_termination_receipt" not in panel.action_names  # not a step of the new service
    assert todo_count("closure.receipt", w.applicant) == 1
    officer_panel = access_service(w.officer_user, case.project.pk)
    assert officer_panel.earlier_pending is not None and officer_panel.earlier_action_names == set()

    client.force_login(w.applicant)
    url = f"/closure/projects/{case.project.pk}/"
    page = client.get(url).content.decode()
    assert 'data-testid="earlier-termination"' in page and "国有土地使用证（原件）" in page
    api = client.get(f"/api/v1/closure/projects/{case.project.pk}").json()
    assert api["earlier_termination_handover"]["actions"] == ["confirm_termination_receipt"]
    response = client.post(url, {"action": "confirm_termination_receipt", "comment": "已收到"})
    assert response.status_code == 302, [str(m) for m in response.context["messages"]]

    old.refresh_from_db()
    assert (old.termination_handover_pending, old.due_on, old.state) == (False, None, ServiceState.TERMINATED)
    assert CustodyEntry.objects.get(pk=held.pk).state == "handed_over"
    assert Service.objects.get(pk=panel.service.pk).state == ServiceState.IN_SERVICE  # the new one untouched
    assert todo_count("closure.receipt", w.applicant) == 0
    after = access_service(w.applicant, case.project.pk)
    assert after.earlier_pending is None
    assert 'data-testid="earlier-termination"' not in client.get(url).content.decode()
