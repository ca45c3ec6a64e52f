"""The spot check through its services: open, require rectification (a working-day deadline), the party
reports, the supervisor sends back or closes; refusals in Chinese that save nothing; the party sees only
the rectification and the thread; every step is audited and notified."""

from __future__ import annotations

import pytest
from django.utils import timezone

from liaison.audit.models import AuditEvent
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.deadlines.calendar_policy import deadline_after
from liaison.directory.todos import todos_for
from liaison.notifications.models import Notification
from liaison.supervision.models import Inspection, InspectionState, InspectionStep, SubjectType
from liaison.supervision.policies import inspection_roles
from liaison.supervision.selectors.inspections import access_inspection, inspection_list
from liaison.supervision.services.inspections import (
    inspection_close,
    inspection_open,
    inspection_report,
    inspection_require_rectification,
    inspection_send_back,
)
from liaison.supervision.tests.support import open_inspection

pytestmark = pytest.mark.django_db
S = InspectionState


def _todo(user, key):
    return next((e.count for e in todos_for(user) if e.key == key), 0)


def test_an_officer_inspection_runs_to_its_close_with_every_step_audited_and_notified(case):
    w = case.world
    i = open_inspection(case)
    assert i.state == S.OPEN and i.subject_name.startswith(w.officer_user.display_name)
    inspection_require_rectification(actor=w.supervisor, inspection_id=i.pk, asked="建立台账", rectify_days=7)
    i.refresh_from_db()
    assert i.state == S.RECTIFYING
    assert i.rectify_due == deadline_after(timezone.localdate(), 7).due_on
    assert Notification.objects.filter(recipient=w.officer_user, kind="inspection.require").count() == 1
    assert _todo(w.officer_user, "supervision.rectify") == 1

    inspection_report(actor=w.officer_user, inspection_id=i.pk, report="已建立台账")
    assert _todo(w.supervisor, "supervision.reports") == 1
    assert _todo(w.officer_user, "supervision.rectify") == 0
    inspection_send_back(actor=w.supervisor, inspection_id=i.pk, comment="台账不完整")
    i.refresh_from_db()
    assert i.state == S.RECTIFYING and i.reported_on is None
    inspection_report(actor=w.officer_user, inspection_id=i.pk, report="已补充完整")
    inspection_close(actor=w.supervisor, inspection_id=i.pk, conclusion="整改到位")
    i.refresh_from_db()
    assert (i.state, i.closed_on) == (S.CLOSED, timezone.localdate())
    names = list(InspectionStep.objects.filter(inspection=i).values_list("name", flat=True))
    assert names == ["open", "require", "report", "send_back", "report", "close"]
    actions = set(
        AuditEvent.objects.filter(object_type="supervision.inspection", object_id=str(i.pk)).values_list(
            "action", flat=True
        )
    )
    assert actions == {
        "inspection.open",
        "inspection.require",
        "inspection.report",
        "inspection.send_back",
        "inspection.close",
    }
    # the notifications carry the title, never the findings
    assert not Notification.objects.filter(title__contains="检查内容").exists()


def test_an_inspection_without_rectification_closes_from_open_and_the_party_never_sees_it(case):
    w = case.world
    i = open_inspection(case)
    assert inspection_roles(w.officer_user, i) == frozenset()
    with pytest.raises(NotFound):
        access_inspection(w.officer_user, i.pk)
    inspection_close(actor=w.supervisor, inspection_id=i.pk, conclusion="未发现问题")
    assert Inspection.objects.get(pk=i.pk).state == S.CLOSED
    assert not inspection_list(w.officer_user).exists()


@pytest.mark.parametrize(
    ("subject_type", "party"),
    [
        (SubjectType.OFFICER, "officer_user"),
        (SubjectType.PROJECT, "officer_user"),
        (SubjectType.GUIDE, "department_admin"),
        (SubjectType.DEPARTMENT, "department_admin"),
    ],
)
def test_the_party_sees_the_request_and_thread_but_not_the_findings(case, subject_type, party):
    w = case.world
    i = open_inspection(case, subject_type, require=True)
    user = getattr(w, party)
    panel = access_inspection(user, i.pk)
    assert not panel.sees_findings
    assert [t.name for t in panel.actions] == ["report"]
    assert all(s.name != "open" for s in panel.steps)
    assert list(inspection_list(user).values_list("pk", flat=True)) == [i.pk]
    # the guide inspected, the other officer, the enterprise: nothing
    for outsider in (w.guide, w.applicant, w.center_admin, w.project_office):
        with pytest.raises(NotFound):
            access_inspection(outsider, i.pk)
    inspection_report(actor=user, inspection_id=i.pk, report="已整改")
    assert Inspection.objects.get(pk=i.pk).state == S.REVIEWING


def test_the_centre_leader_reads_everything_and_acts_on_nothing(case):
    w = case.world
    i = open_inspection(case, require=True)
    panel = access_inspection(w.center_leader, i.pk)
    assert panel.sees_findings and panel.actions == []
    with pytest.raises(PermissionDenied):
        inspection_close(actor=w.center_leader, inspection_id=i.pk, conclusion="x")
    with pytest.raises(PermissionDenied):
        inspection_open(
            actor=w.center_leader, subject_type="officer", subject_id=w.officer.pk, title="t", findings="f"
        )


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"subject_type": "nobody"}, "subject_type"),
        ({"subject_id": "999999"}, "subject_id"),
        ({"subject_id": "99999999999999999999999"}, "subject_id"),
        ({"title": "  "}, "title"),
        ({"findings": ""}, "findings"),
    ],
)
def test_opening_refuses_bad_input_in_chinese_and_saves_nothing(case, kwargs, field):
    w = case.world
    data = {
        "subject_type": "officer",
        "subject_id": w.officer.pk,
        "title": "抽查",
        "findings": "发现",
    } | kwargs
    with pytest.raises(DomainError) as exc:
        inspection_open(actor=w.supervisor, **data)
    assert exc.value.field == field and any("\u4e00" <= ch <= "\u9fff" for ch in str(exc.value.message))
    assert (
        not Inspection.objects.exists() and not AuditEvent.objects.filter(action="inspection.open").exists()
    )


@pytest.mark.parametrize("days", ["0", "61", "abc", "", None, "99999999999999999999"])
def test_a_rectification_needs_one_to_sixty_working_days(case, days):
    w = case.world
    i = open_inspection(case)
    with pytest.raises(DomainError, match="1 至 60 个工作日"):
        inspection_require_rectification(
            actor=w.supervisor, inspection_id=i.pk, asked="整改", rectify_days=days
        )
    assert Inspection.objects.get(pk=i.pk).state == S.OPEN


def test_a_step_the_state_does_not_allow_is_refused(case):
    w = case.world
    i = open_inspection(case, require=True)
    with pytest.raises(DomainError, match="当前状态为"):
        inspection_close(actor=w.supervisor, inspection_id=i.pk, conclusion="办结")
    with pytest.raises(DomainError, match="请填写"):
        inspection_report(actor=w.officer_user, inspection_id=i.pk, report=" ")
    with pytest.raises(NotFound):
        inspection_report(actor=w.officer_user, inspection_id="abc", report="x")
