"""Suspending and reinstating: the workflow table, the role matrix, and what each change leaves behind."""

from __future__ import annotations

import pytest

from liaison.audit.models import AuditEvent
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.notifications.models import Notification
from liaison.officers.models import Officer, OfficerRecordKind, OfficerStatus
from liaison.officers.selectors.officer import officer_assignable_list
from liaison.officers.services.officer_status import officer_reinstate, officer_suspend
from liaison.officers.tests.conftest import table_counts
from liaison.officers.workflows import ALLOWED_TRANSITIONS, transition_allowed

pytestmark = pytest.mark.django_db

SERVICES = {OfficerStatus.SUSPENDED: officer_suspend, OfficerStatus.ACTIVE: officer_reinstate}


def test_the_workflow_table_is_exactly_active_and_suspended_both_ways():
    assert {
        OfficerStatus.ACTIVE: {OfficerStatus.SUSPENDED},
        OfficerStatus.SUSPENDED: {OfficerStatus.ACTIVE},
    } == ALLOWED_TRANSITIONS


def _put_in(status: str, officer: Officer, actor) -> Officer:
    if status == OfficerStatus.SUSPENDED:
        return officer_suspend(actor=actor, officer=officer, reason="培训期间")
    return officer


@pytest.mark.parametrize("source", OfficerStatus.values)
@pytest.mark.parametrize("target", OfficerStatus.values)
def test_every_status_change_follows_the_workflow_table(center_admin, other_officer, source, target):
    officer = _put_in(source, other_officer, center_admin)
    before = table_counts()

    if transition_allowed(source, target):
        changed = SERVICES[target](actor=center_admin, officer=officer, reason="工作需要")
        assert changed.status == target
        assert Officer.objects.get(pk=officer.pk).status == target
        assert table_counts()["records"] == before["records"] + 1
    else:
        with pytest.raises(DomainError) as exc:
            SERVICES[target](actor=center_admin, officer=officer, reason="工作需要")
        assert exc.value.field == "status"
        assert "当前状态" in str(exc.value.message)
        assert Officer.objects.get(pk=officer.pk).status == source
        assert table_counts() == before


def test_suspending_records_the_reason_notifies_the_officer_and_is_audited(center_admin, other_officer):
    officer = officer_suspend(actor=center_admin, officer=other_officer, reason="长期外派学习")

    assert officer.status_reason == "长期外派学习"
    entry = officer.record_entries.filter(kind=OfficerRecordKind.STATUS).get()
    assert "暂停派任" in entry.text
    assert "长期外派学习" in entry.text
    assert entry.recorded_by == center_admin
    event = AuditEvent.objects.get(action="officer.suspend")
    assert event.changes["diff"]["status"] == ["active", "suspended"]
    notice = Notification.objects.get(recipient=officer.user, kind="officer.status")
    assert notice.title == "您已被暂停派任"
    assert "长期外派学习" in notice.body


def test_reinstating_notifies_again_with_a_new_notice(center_admin, other_officer):
    officer_suspend(actor=center_admin, officer=other_officer, reason="外派")
    officer = officer_reinstate(actor=center_admin, officer=other_officer, reason="外派结束")
    officer_suspend(actor=center_admin, officer=officer, reason="再次外派")

    titles = list(
        Notification.objects.filter(recipient=officer.user, kind="officer.status")
        .order_by("id")
        .values_list("title", flat=True)
    )
    assert titles == ["您已被暂停派任", "您已恢复派任", "您已被暂停派任"]
    assert AuditEvent.objects.filter(action="officer.reinstate").count() == 1


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_a_reason_is_required(center_admin, other_officer, reason):
    before = table_counts()

    with pytest.raises(DomainError, match="请填写原因") as exc:
        officer_suspend(actor=center_admin, officer=other_officer, reason=reason)

    assert exc.value.field == "reason"
    assert Officer.objects.get(pk=other_officer.pk).status == OfficerStatus.ACTIVE
    assert table_counts() == before


def test_a_too_long_reason_is_refused(center_admin, other_officer):
    with pytest.raises(DomainError, match="300"):
        officer_suspend(actor=center_admin, officer=other_officer, reason="因" * 301)


def test_suspending_an_already_suspended_officer_is_refused_and_nothing_saved(center_admin, other_officer):
    officer = officer_suspend(actor=center_admin, officer=other_officer, reason="外派")
    before = table_counts()

    with pytest.raises(DomainError, match="当前状态为“暂停派任”，不能暂停派任"):
        officer_suspend(actor=center_admin, officer=officer, reason="再次")

    assert table_counts() == before
    assert Officer.objects.get(pk=officer.pk).status_reason == "外派"


def test_a_stale_copy_cannot_suspend_twice(center_admin, other_officer):
    stale = Officer.objects.get(pk=other_officer.pk)
    officer_suspend(actor=center_admin, officer=other_officer, reason="外派")

    with pytest.raises(DomainError, match="不能暂停派任"):
        officer_suspend(actor=center_admin, officer=stale, reason="重复提交")


@pytest.mark.parametrize(
    ("persona", "error"),
    [
        ("center_leader", PermissionDenied),
        ("supervisor", PermissionDenied),
        ("guide_user", NotFound),
        ("applicant", NotFound),
        ("dept_admin", NotFound),
        ("project_office", NotFound),
    ],
)
@pytest.mark.parametrize("service", [officer_suspend, officer_reinstate])
def test_only_the_center_admin_changes_status(request, other_officer, persona, error, service):
    actor = request.getfixturevalue(persona)
    before = table_counts()

    with pytest.raises(error):
        service(actor=actor, officer=other_officer, reason="越权")

    assert table_counts() == before


@pytest.mark.parametrize("service", [officer_suspend, officer_reinstate])
def test_an_officer_cannot_change_their_own_status_nor_anothers(officer, other_officer, service):
    with pytest.raises(PermissionDenied):
        service(actor=officer.user, officer=officer, reason="本人申请")
    with pytest.raises(NotFound):
        service(actor=officer.user, officer=other_officer, reason="越权")


def test_a_suspended_officer_is_not_assignable_until_reinstated(center_admin, officer, other_officer):
    assert list(officer_assignable_list()) == [officer, other_officer]

    officer_suspend(actor=center_admin, officer=other_officer, reason="外派")
    assert list(officer_assignable_list()) == [officer]

    officer_reinstate(actor=center_admin, officer=other_officer, reason="回岗")
    assert list(officer_assignable_list()) == [officer, other_officer]
