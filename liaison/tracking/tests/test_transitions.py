"""Project item steps: dates and the legal clock, materials before filing, back-dating, notices, who acts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from liaison.audit.models import AuditEvent
from liaison.catalogue.services.guides import guide_assign
from liaison.core.errors import DomainError, NotFound
from liaison.intake.services.dispatch import assignment_reassign
from liaison.notifications.models import Notification
from liaison.tracking.models import EnterpriseObligation, ProjectItemTransition
from liaison.tracking.services.materials import material_request_revision
from liaison.tracking.services.project_items import (
    project_item_accept,
    project_item_approve,
    project_item_mark_not_needed,
    project_item_prepare,
    project_item_reject,
    project_item_request_supplement,
    project_item_resubmit,
    project_item_submit,
)
from liaison.tracking.tests.builders import at, draft, item_of, provide_materials
from liaison.tracking.tests.conftest import START

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def a(track):
    draft(track.world, track.project, START)
    return item_of(track.project, "A")


def _fresh(item):
    return type(item).objects.get(pk=item.pk)


def test_the_clock_runs_from_acceptance_pauses_at_supplement_and_resumes_at_resubmission(track, a):
    w = track.world
    project_item_prepare(actor=w.officer_user, project_item=a, at=at(D(2026, 9, 21)))
    provide_materials(w.applicant, a)
    project_item_submit(actor=w.officer_user, project_item=a, at=at(D(2026, 9, 22)))
    assert _fresh(a).due_on == D(2026, 9, 29)  # still judged by the plan

    project_item_accept(actor=w.guide, project_item=a, at=at(D(2026, 9, 28)))
    item = _fresh(a)
    assert (item.accepted_on, item.clock_due, item.due_on) == (
        D(2026, 9, 28),
        D(2026, 10, 10),
        D(2026, 10, 10),
    )

    project_item_request_supplement(
        actor=w.guide, project_item=a, missing=["用地红线图"], at=at(D(2026, 9, 30))
    )
    item = _fresh(a)
    assert (item.state, item.paused_since, item.due_on) == ("supplement_requested", D(2026, 9, 30), None)

    project_item_resubmit(actor=w.officer_user, project_item=a, at=at(D(2026, 10, 9)))
    item = _fresh(a)
    assert (item.paused_days, item.paused_since, item.due_on) == (2, None, D(2026, 10, 13))

    project_item_approve(actor=w.guide, project_item=a, at=at(D(2026, 10, 12)))
    item = _fresh(a)
    assert (item.state, item.decided_on, item.ended_on, item.due_on) == (
        "approved",
        D(2026, 10, 12),
        D(2026, 10, 12),
        None,
    )
    assert item.submitted_on == D(2026, 9, 22) and item.started_on == D(2026, 9, 21)


def test_each_step_records_time_actor_acting_role_and_comment_and_is_audited(track, a):
    w = track.world
    project_item_prepare(actor=w.officer_user, project_item=a, comment="已联系企业", at=at(D(2026, 9, 21)))
    step = ProjectItemTransition.objects.get(project_item=a)
    assert (step.from_state, step.to_state, step.actor, step.acting_role, step.comment) == (
        "planned",
        "preparing",
        w.officer_user,
        "officer",
        "已联系企业",
    )
    assert timezone.localdate(step.at) == D(2026, 9, 21)
    event = AuditEvent.objects.get(action="project_item.prepare")
    assert event.changes["diff"]["state"] == ["planned", "preparing"]


def test_a_supplement_request_lists_everything_at_once_and_becomes_the_enterprises_dated_to_do(track, a):
    w = track.world
    track.driver.to(a, "accepted")
    project_item_request_supplement(
        actor=w.guide, project_item=a, missing=["用地红线图", " ", "授权委托书"], due_on=timezone.localdate()
    )
    todo = EnterpriseObligation.objects.get(project_item=a)
    assert (todo.kind, todo.details, todo.done) == ("revision", "1. 用地红线图\n2. 授权委托书", False)
    told = Notification.objects.get(recipient=w.applicant, kind="project_item.request_supplement")
    assert "1. 用地红线图" in told.body and "暂停" in told.body

    project_item_resubmit(actor=w.officer_user, project_item=a)
    todo.refresh_from_db()
    assert todo.done and todo.done_by == w.officer_user


def test_a_supplement_request_without_its_list_is_refused(track, a):
    track.driver.to(a, "accepted")
    with pytest.raises(DomainError, match="一次性告知") as caught:
        project_item_request_supplement(actor=track.world.guide, project_item=a, missing=["  "])
    assert caught.value.field == "missing"
    assert _fresh(a).state == "accepted"


def test_filing_needs_every_required_material_and_names_the_missing_ones(track, a):
    project_item_prepare(actor=track.world.officer_user, project_item=a)
    with pytest.raises(DomainError, match="A申请表"):
        project_item_submit(actor=track.world.officer_user, project_item=a)
    assert _fresh(a).state == "preparing"
    assert ProjectItemTransition.objects.filter(project_item=a).count() == 1


def test_a_resubmission_waits_for_materials_marked_for_revision(track, a):
    w = track.world
    track.driver.to(a, "supplement_requested")
    material_request_revision(actor=w.guide, submission=a.materials.get(seq=1), reason="盖章不清晰")
    with pytest.raises(DomainError, match="需修改后重新上传"):
        project_item_resubmit(actor=w.officer_user, project_item=a)
    provide_materials(w.applicant, a)
    assert project_item_resubmit(actor=w.officer_user, project_item=a).state == "resubmitted"


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda w, i: project_item_reject(actor=w.guide, project_item=i, reason=" "), "comment"),
        (
            lambda w, i: project_item_mark_not_needed(actor=w.officer_user, project_item=i, reason=""),
            "comment",
        ),
    ],
    ids=["refusal", "not-needed"],
)
def test_a_refusal_or_a_removal_needs_its_reason(track, a, call, field):
    track.driver.to(a, "accepted")
    with pytest.raises(DomainError, match="请填写") as caught:
        call(track.world, a)
    assert caught.value.field == field


def test_a_step_may_be_recorded_for_an_earlier_moment_but_not_before_the_last_step_nor_in_the_future(
    track, a
):
    w = track.world
    project_item_prepare(actor=w.officer_user, project_item=a, at=at(D(2026, 9, 22)))
    provide_materials(w.applicant, a)
    with pytest.raises(DomainError, match="不能早于上一步") as caught:
        project_item_submit(actor=w.officer_user, project_item=a, at=at(D(2026, 9, 21)))
    assert caught.value.field == "at"
    with pytest.raises(DomainError, match="不能晚于当前时间"):
        project_item_submit(actor=w.officer_user, project_item=a, at=timezone.now() + dt.timedelta(days=1))
    with pytest.raises(DomainError, match="时区"):
        project_item_submit(actor=w.officer_user, project_item=a, at=dt.datetime(2026, 9, 23, 9))  # noqa: DTZ001
    assert _fresh(a).state == "preparing"


def test_each_step_tells_those_concerned_but_not_the_one_who_took_it(track, a):
    w = track.world
    track.driver.to(a, "submitted")
    assert set(
        Notification.objects.filter(kind="project_item.submit").values_list("recipient__username", flat=True)
    ) == {
        w.guide.username,
        w.applicant.username,
    }
    project_item_accept(actor=w.guide, project_item=a)
    assert set(
        Notification.objects.filter(kind="project_item.accept").values_list("recipient__username", flat=True)
    ) == {
        w.officer_user.username,
        w.applicant.username,
    }
    project_item_reject(actor=w.guide, project_item=a, reason="不符合规划条件")
    refusal = Notification.objects.get(kind="project_item.reject", recipient=w.applicant)
    assert "不符合规划条件" in refusal.body and "行政复议" in refusal.body


def test_a_former_guide_loses_the_item_and_the_new_guide_takes_it_over(track, a, second_guide):
    w = track.world
    track.driver.to(a, "submitted")
    guide_assign(
        actor=w.center_admin,
        item=track.items["A"],
        guide=second_guide,
        effective_date=D(2026, 11, 1),
        reason="岗位调整",
    )
    with pytest.raises(NotFound):
        project_item_accept(actor=w.guide, project_item=a)
    assert project_item_accept(actor=second_guide, project_item=a).state == "accepted"


def test_an_officer_taken_off_the_project_can_no_longer_act_on_its_items(track, a):
    w = track.world
    assignment_reassign(
        actor=w.center_admin, project=track.project, lead=track.other_officer, reason="工作调整"
    )
    with pytest.raises(NotFound):
        project_item_prepare(actor=w.officer_user, project_item=a)
    assert project_item_prepare(actor=track.other_officer.user, project_item=a).state == "preparing"


def test_an_unknown_step_is_refused_with_a_message(track, a):
    from liaison.tracking.services.project_items import project_item_transition

    with pytest.raises(DomainError, match="未知的办理操作"):
        project_item_transition(actor=track.world.officer_user, project_item=a, name="teleport")
