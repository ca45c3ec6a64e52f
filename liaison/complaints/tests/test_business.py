"""The business track from registration to the leader's review, through the services."""

from __future__ import annotations

import pytest

from liaison.complaints.models import BusinessState, Cooperation
from liaison.complaints.services import business as svc
from liaison.complaints.tests.support import lodge_business
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_the_whole_business_track(case):
    w = case.world
    c = lodge_business(case).complaint
    svc.complaint_register(actor=w.center_admin, complaint_id=c.pk, investigator_id=w.center_admin.pk)
    k = svc.cooperation_request(
        actor=w.center_admin, complaint_id=c.pk, department_id=w.guide.department_id, request="请核实受理记录"
    )
    assert Notification.objects.filter(
        recipient=w.department_admin, kind__startswith="complaint.cooperation"
    ).exists()
    svc.cooperation_answer(actor=w.department_admin, cooperation_id=k.pk, answer="经核实确有多要材料")
    with pytest.raises(DomainError, match="已经答复"):
        svc.cooperation_answer(actor=w.department_admin, cooperation_id=k.pk, answer="再答一次")
    c = svc.complaint_reply(
        actor=w.center_admin,
        complaint_id=c.pk,
        finding="partly",
        measures="约谈指导员",
        reply="部分属实，已整改",
    )
    assert c.state == BusinessState.REPLIED and c.concluded_at and c.due_on is None
    assert Notification.objects.filter(recipient=w.applicant, kind="complaint.reply").exists()
    c = svc.complaint_rate(actor=w.applicant, complaint_id=c.pk, satisfaction="dissatisfied")
    assert c.state == BusinessState.CLOSED
    c = svc.complaint_request_review(actor=w.applicant, complaint_id=c.pk, reason="整改不到位")
    assert c.state == BusinessState.REVIEWING
    with pytest.raises(PermissionDenied):
        svc.complaint_review(actor=w.center_admin, complaint_id=c.pk, conclusion="x")
    c = svc.complaint_review(actor=w.center_leader, complaint_id=c.pk, conclusion="维持原调查结论")
    assert c.state == BusinessState.REVIEWED
    with pytest.raises(DomainError, match="不能执行"):
        svc.complaint_request_review(actor=w.applicant, complaint_id=c.pk, reason="再次申请")
    assert [s.name for s in c.steps.all()] == ["register", "reply", "rate", "request_review", "review"]


def test_a_satisfied_complainant_cannot_ask_for_a_review(case):
    w = case.world
    c = lodge_business(case).complaint
    svc.complaint_register(actor=w.center_admin, complaint_id=c.pk, investigator_id=w.center_admin.pk)
    svc.complaint_reply(
        actor=w.center_admin, complaint_id=c.pk, finding="not_substantiated", measures="", reply="不属实"
    )
    svc.complaint_rate(actor=w.applicant, complaint_id=c.pk, satisfaction="satisfied")
    with pytest.raises(DomainError, match="不满意时"):
        svc.complaint_request_review(actor=w.applicant, complaint_id=c.pk, reason="x")


def test_refusals(case):
    w = case.world
    c = lodge_business(case).complaint
    with pytest.raises(DomainError, match="调查人"):
        svc.complaint_register(actor=w.center_admin, complaint_id=c.pk, investigator_id=w.guide.pk)
    with pytest.raises(NotFound):
        svc.complaint_register(actor=w.guide, complaint_id=c.pk, investigator_id=w.center_admin.pk)
    with pytest.raises(PermissionDenied):
        svc.complaint_register(actor=w.applicant, complaint_id=c.pk, investigator_id=w.center_admin.pk)
    with pytest.raises(DomainError, match="登记后"):
        svc.cooperation_request(
            actor=w.center_admin, complaint_id=c.pk, department_id=w.guide.department_id, request="x"
        )
    svc.complaint_register(actor=w.center_admin, complaint_id=c.pk, investigator_id=w.center_admin.pk)
    with pytest.raises(DomainError, match="调查结论"):
        svc.complaint_reply(actor=w.center_admin, complaint_id=c.pk, finding="maybe", measures="", reply="x")
    with pytest.raises(DomainError, match="处理措施"):
        svc.complaint_reply(
            actor=w.center_admin, complaint_id=c.pk, finding="substantiated", measures="", reply="x"
        )
    k = svc.cooperation_request(
        actor=w.center_admin, complaint_id=c.pk, department_id=w.guide.department_id, request="请核实"
    )
    with pytest.raises(NotFound):
        svc.cooperation_answer(actor=w.guide, cooperation_id=k.pk, answer="我来答")
    assert Cooperation.objects.get(pk=k.pk).answered_at is None
