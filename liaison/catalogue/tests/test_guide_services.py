"""One item, one guide: assignment, the propose → register flow, history, notifications and races."""

from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError, transaction

from liaison.audit.models import AuditEvent
from liaison.catalogue.models import GuideAssignment, GuideChange, GuideChangeStatus
from liaison.catalogue.services.guides import (
    guide_assign,
    guide_change_cancel,
    guide_change_propose,
    guide_change_register,
    guide_change_reject,
    guide_change_submit,
)
from liaison.catalogue.services.items import item_deactivate
from liaison.catalogue.tests.builders import START, assign, make_item
from liaison.core.errors import Conflict, DomainError, PermissionDenied
from liaison.directory.roles import Role
from liaison.notifications.models import Notification
from liaison.testing.personas import make_user

pytestmark = pytest.mark.django_db
LATER = START + datetime.timedelta(days=30)


@pytest.fixture
def item(center_admin, department, guide_user):
    item = make_item(center_admin, department)
    assign(center_admin, item, guide_user)
    return item


def _propose(actor, item, guide, date=LATER):
    return guide_change_propose(
        actor=actor, item=item, new_guide=guide, effective_date=date, reason="原指导员调岗"
    )


def test_first_assignment_records_a_registered_change(center_admin, department, guide_user):
    item = make_item(center_admin, department)
    change = assign(center_admin, item, guide_user)
    assert change.status == GuideChangeStatus.REGISTERED
    assert change.previous_guide is None
    active = GuideAssignment.objects.get(item=item, is_active=True)
    assert (active.guide, active.start_date, active.end_date) == (guide_user, START, None)


def test_direct_change_keeps_history_and_ends_previous_on_effective_date(
    item, center_admin, guide_user, second_guide
):
    change = guide_assign(
        actor=center_admin, item=item, guide=second_guide, effective_date=LATER, reason="调岗"
    )
    assert change.previous_guide == guide_user
    history = list(GuideAssignment.objects.filter(item=item).order_by("start_date"))
    assert [(a.guide, a.start_date, a.end_date, a.is_active) for a in history] == [
        (guide_user, START, LATER, False),
        (second_guide, LATER, None, True),
    ]
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"guide_assignment.end", "guide_assignment.start", "guide_change.assign"} <= actions


def test_a_guide_may_serve_several_items(center_admin, department, guide_user):
    first = make_item(center_admin, department, "A1", "事项一")
    second = make_item(center_admin, department, "A2", "事项二")
    assign(center_admin, first, guide_user)
    assign(center_admin, second, guide_user)
    assert GuideAssignment.objects.filter(guide=guide_user, is_active=True).count() == 2


def test_database_refuses_two_active_guides_for_one_item(item, second_guide):
    # The one place a test writes the model directly: to prove the constraint, not the service.
    with pytest.raises(IntegrityError), transaction.atomic():
        GuideAssignment.objects.create(item=item, guide=second_guide, start_date=LATER)
    assert GuideAssignment.objects.filter(item=item, is_active=True).count() == 1


@pytest.mark.parametrize(
    "persona", ["dept_admin", "other_dept_admin", "guide_user", "officer_user", "applicant"]
)
def test_only_the_centre_assigns_directly(request, item, persona, second_guide):
    with pytest.raises(PermissionDenied):
        guide_assign(
            actor=request.getfixturevalue(persona),
            item=item,
            guide=second_guide,
            effective_date=LATER,
            reason="x",
        )


def test_department_admin_proposes_and_the_centre_is_told_at_once(
    item, dept_admin, center_admin, second_guide
):
    other_centre = make_user("t_centre2", roles=(Role.CENTER_ADMIN,))
    change = _propose(dept_admin, item, second_guide)
    assert change.status == GuideChangeStatus.PROPOSED
    assert change.previous_guide is not None
    recipients = set(
        Notification.objects.filter(event_key=f"guide_change:{change.pk}:proposed").values_list(
            "recipient__username", flat=True
        )
    )
    assert recipients == {center_admin.username, other_centre.username}
    assert GuideAssignment.objects.get(item=item, is_active=True).guide != second_guide
    assert AuditEvent.objects.filter(action="guide_change.propose", object_id=str(change.pk)).exists()


@pytest.mark.parametrize(
    "persona", ["other_dept_admin", "guide_user", "officer_user", "applicant", "supervisor"]
)
def test_roles_outside_the_department_cannot_propose(request, item, persona, second_guide):
    with pytest.raises(PermissionDenied):
        _propose(request.getfixturevalue(persona), item, second_guide)
    assert not GuideChange.objects.filter(status=GuideChangeStatus.PROPOSED).exists()


def test_new_guide_must_hold_the_guide_role_and_belong_to_the_department(
    item, dept_admin, officer_user, department, other_department
):
    outsider = make_user("t_guide_other", roles=(Role.GUIDE,), department=other_department)
    no_role = make_user("t_clerk", department=department)
    with pytest.raises(DomainError) as info:
        _propose(dept_admin, item, outsider)
    assert "实施部门（区发展和改革局）" in str(info.value.message)
    with pytest.raises(DomainError) as info:
        _propose(dept_admin, item, no_role)
    assert "不是专职指导员" in str(info.value.message)
    with pytest.raises(DomainError) as info:
        _propose(dept_admin, item, officer_user)
    assert info.value.field == "new_guide"


def test_current_guide_and_backdated_changes_are_refused(item, dept_admin, guide_user, second_guide):
    with pytest.raises(DomainError) as info:
        _propose(dept_admin, item, guide_user)
    assert "已是该事项的在任指导员" in str(info.value.message)
    with pytest.raises(DomainError) as info:
        _propose(dept_admin, item, second_guide, date=START - datetime.timedelta(days=1))
    assert info.value.field == "effective_date"


def test_reason_is_required(item, dept_admin, second_guide):
    with pytest.raises(DomainError) as info:
        guide_change_propose(
            actor=dept_admin, item=item, new_guide=second_guide, effective_date=LATER, reason=" "
        )
    assert info.value.message == "请填写变更原因。"


def test_only_one_open_proposal_per_item(item, dept_admin, center_admin, second_guide, department):
    _propose(dept_admin, item, second_guide)
    third = make_user("t_guide3", roles=(Role.GUIDE,), department=department)
    with pytest.raises(Conflict):
        _propose(dept_admin, item, third)
    with pytest.raises(Conflict):
        guide_assign(actor=center_admin, item=item, guide=third, effective_date=LATER, reason="直接调整")


def test_registering_applies_the_change_keeps_history_and_tells_the_proposer(
    item, dept_admin, center_admin, guide_user, second_guide
):
    change = _propose(dept_admin, item, second_guide)
    registered = guide_change_register(actor=center_admin, change=change, note="同意")
    assert registered.status == GuideChangeStatus.REGISTERED
    assert registered.decided_by == center_admin
    assert registered.decision_note == "同意"
    current = GuideAssignment.objects.get(item=item, is_active=True)
    assert (current.guide, current.start_date) == (second_guide, LATER)
    ended = GuideAssignment.objects.get(item=item, guide=guide_user)
    assert (ended.is_active, ended.end_date) == (False, LATER)
    told = set(
        Notification.objects.filter(event_key=f"guide_change:{change.pk}:registered").values_list(
            "recipient__username", flat=True
        )
    )
    assert {dept_admin.username, second_guide.username, guide_user.username} <= told
    assert center_admin.username not in told  # the actor knows already
    assert AuditEvent.objects.filter(action="guide_change.register").count() == 1


@pytest.mark.parametrize("persona", ["dept_admin", "center_leader", "supervisor"])
def test_only_center_admin_registers(request, item, dept_admin, second_guide, persona):
    change = _propose(dept_admin, item, second_guide)
    with pytest.raises(PermissionDenied):
        guide_change_register(actor=request.getfixturevalue(persona), change=change)
    change.refresh_from_db()
    assert change.status == GuideChangeStatus.PROPOSED


def test_second_registration_of_the_same_change_loses_the_race(item, dept_admin, center_admin, second_guide):
    change = _propose(dept_admin, item, second_guide)
    other_admin = make_user("t_centre_b", roles=(Role.CENTER_ADMIN,))
    stale_copy = GuideChange.objects.get(pk=change.pk)  # what the second admin's page loaded
    guide_change_register(actor=center_admin, change=change)
    with pytest.raises(Conflict) as info:
        guide_change_register(actor=other_admin, change=stale_copy)
    assert "已被处理" in str(info.value.message)
    assert GuideAssignment.objects.filter(item=item).count() == 2
    assert GuideAssignment.objects.filter(item=item, is_active=True).count() == 1


def test_reject_needs_a_note_and_tells_the_proposer(item, dept_admin, center_admin, second_guide):
    change = _propose(dept_admin, item, second_guide)
    with pytest.raises(DomainError) as info:
        guide_change_reject(actor=center_admin, change=change, note="")
    assert info.value.message == "请填写退回理由。"
    rejected = guide_change_reject(actor=center_admin, change=change, note="新任人员未在本部门备案")
    assert rejected.status == GuideChangeStatus.REJECTED
    note = Notification.objects.get(event_key=f"guide_change:{change.pk}:rejected")
    assert note.recipient == dept_admin
    assert "新任人员未在本部门备案" in note.body
    assert GuideAssignment.objects.get(item=item, is_active=True).guide != second_guide


def test_rejected_change_cannot_then_be_registered(item, dept_admin, center_admin, second_guide):
    change = _propose(dept_admin, item, second_guide)
    guide_change_reject(actor=center_admin, change=change, note="不同意")
    with pytest.raises(Conflict):
        guide_change_register(actor=center_admin, change=change)


def test_only_the_proposer_cancels(item, dept_admin, center_admin, second_guide, department):
    change = _propose(dept_admin, item, second_guide)
    colleague = make_user("t_dept_admin2", roles=(Role.DEPARTMENT_ADMIN,), department=department)
    with pytest.raises(PermissionDenied):
        guide_change_cancel(actor=colleague, change=change)
    cancelled = guide_change_cancel(actor=dept_admin, change=change)
    assert cancelled.status == GuideChangeStatus.CANCELLED
    # The item is free for a new proposal once the old one is withdrawn.
    assert _propose(dept_admin, item, second_guide).status == GuideChangeStatus.PROPOSED
    assert center_admin.notifications.filter(event_key=f"guide_change:{change.pk}:cancelled").exists()


def test_submit_applies_for_the_centre_and_proposes_for_a_department(
    item, center_admin, dept_admin, second_guide
):
    proposed = guide_change_submit(
        actor=dept_admin, item=item, new_guide=second_guide, effective_date=LATER, reason="调岗"
    )
    assert proposed.status == GuideChangeStatus.PROPOSED
    guide_change_cancel(actor=dept_admin, change=proposed)
    applied = guide_change_submit(
        actor=center_admin, item=item, new_guide=second_guide, effective_date=LATER, reason="调岗"
    )
    assert applied.status == GuideChangeStatus.REGISTERED


def test_inactive_item_takes_no_guide_change(item, center_admin, second_guide):
    item_deactivate(actor=center_admin, item=item)
    item.refresh_from_db()
    with pytest.raises(PermissionDenied):
        guide_assign(actor=center_admin, item=item, guide=second_guide, effective_date=LATER, reason="x")


def test_item_with_open_change_cannot_be_deactivated(item, dept_admin, center_admin, second_guide):
    _propose(dept_admin, item, second_guide)
    with pytest.raises(DomainError):
        item_deactivate(actor=center_admin, item=item)
