"""Changing the plan: reschedule with preview, dependents follow, versions kept and compared, guides propose."""

from __future__ import annotations

import datetime as dt

import pytest

from liaison.audit.models import AuditEvent
from liaison.core.errors import Conflict, DomainError, NotFound, PermissionDenied
from liaison.notifications.models import Notification
from liaison.tracking.models import PlanDateProposal, PlanVersion, ProjectItem, ServicePlan
from liaison.tracking.selectors.plans import (
    access_plan_project,
    plan_version_diff,
    plan_version_list,
    plan_view,
)
from liaison.tracking.services.plans import plan_confirm
from liaison.tracking.services.proposals import (
    plan_date_proposal_accept,
    plan_date_proposal_decline,
    plan_date_propose,
)
from liaison.tracking.services.reschedule import plan_item_reschedule
from liaison.tracking.tests.builders import draft, item_of
from liaison.tracking.tests.conftest import START

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def plan(track):
    return draft(track.world, track.project, START)


def _dates(project):
    return {
        code: (start, due)
        for code, start, due in ProjectItem.objects.filter(project=project).values_list(
            "approval_item__code", "planned_start", "planned_due"
        )
    }


def test_confirming_keeps_a_version_with_its_snapshot_who_when_and_why(track, plan):
    version = plan_confirm(actor=track.world.officer_user, project=track.project, reason="与企业商定")

    assert (version.number, version.reason, version.created_by) == (1, "与企业商定", track.world.officer_user)
    snap = version.snapshot
    assert [row["code"] for row in snap["items"]] == ["A", "B", "C", "D", "E"]
    assert snap["items"][0]["planned_due"] == "2026-09-29"
    assert snap["completion"] == "2026-11-09"
    assert snap["stages"]["construction_license"] == "2026-10-29"
    plan.refresh_from_db()
    assert (plan.current_version, plan.changed_since_version) == (1, False)
    told = set(
        Notification.objects.filter(kind="plan.confirmed").values_list("recipient__username", flat=True)
    )
    assert told == {track.world.applicant.username, track.world.guide.username, "t_guide2"}


def test_an_unchanged_plan_is_not_confirmed_twice(track, plan):
    plan_confirm(actor=track.world.officer_user, project=track.project)
    with pytest.raises(DomainError, match="没有调整"):
        plan_confirm(actor=track.world.officer_user, project=track.project)
    assert PlanVersion.objects.count() == 1


def test_a_reschedule_previews_the_item_and_every_dependent_without_saving(track, plan):
    before = _dates(track.project)
    changes = plan_item_reschedule(
        actor=track.world.officer_user,
        project_item=item_of(track.project, "A"),
        planned_start=D(2026, 10, 12),
    )
    assert [c.code for c in changes] == ["A", "B", "C", "D"]  # E does not depend on A
    a = changes[0]
    assert (a.old_start, a.old_due, a.new_start, a.new_due) == (
        D(2026, 9, 21),
        D(2026, 9, 29),
        D(2026, 10, 12),
        D(2026, 10, 19),
    )
    assert _dates(track.project) == before
    assert not AuditEvent.objects.filter(action="plan.reschedule").exists()


def test_a_confirmed_reschedule_moves_the_dependents_and_marks_the_plan_changed(track, plan):
    plan_confirm(actor=track.world.officer_user, project=track.project)
    plan_item_reschedule(
        actor=track.world.officer_user,
        project_item=item_of(track.project, "A"),
        planned_start=D(2026, 10, 12),
        confirm=True,
    )
    dates = _dates(track.project)
    assert dates["A"] == (D(2026, 10, 12), D(2026, 10, 19))
    assert dates["B"][0] == D(2026, 10, 19)
    assert dates["E"] == (D(2026, 9, 21), D(2026, 9, 24))
    assert item_of(track.project, "A").due_on == D(2026, 10, 19)  # the light follows the plan
    assert ServicePlan.objects.get(pk=plan.pk).changed_since_version
    assert AuditEvent.objects.get(action="plan.reschedule").changes["extra"]["item"] == "A"


def test_an_item_moved_earlier_pulls_its_dependents_back(track, plan):
    officer, b = track.world.officer_user, item_of(track.project, "B")
    plan_item_reschedule(actor=officer, project_item=b, planned_start=D(2026, 10, 12), confirm=True)
    plan_item_reschedule(actor=officer, project_item=b, planned_start=D(2026, 9, 29), confirm=True)
    assert _dates(track.project)["C"] == (D(2026, 10, 19), D(2026, 10, 29))


def test_an_item_cannot_start_before_its_prerequisite_is_due(track, plan):
    with pytest.raises(DomainError, match="事项A") as caught:
        plan_item_reschedule(
            actor=track.world.officer_user,
            project_item=item_of(track.project, "B"),
            planned_start=D(2026, 9, 22),
            confirm=True,
        )
    assert caught.value.field == "planned_start"
    assert _dates(track.project)["B"][0] == D(2026, 9, 29)


def test_an_item_with_the_department_keeps_its_plan_dates(track, plan):
    a = item_of(track.project, "A")
    track.driver.to(a, "accepted")
    with pytest.raises(DomainError, match="已进入部门办理"):
        plan_item_reschedule(actor=track.world.officer_user, project_item=a, planned_start=D(2026, 10, 12))


def test_only_the_assigned_officer_or_the_centre_may_reschedule(track, plan):
    a, w = item_of(track.project, "A"), track.world
    for actor in (w.applicant, w.guide, w.supervisor):
        with pytest.raises(PermissionDenied):
            plan_item_reschedule(actor=actor, project_item=a, planned_start=D(2026, 10, 12), confirm=True)
    with pytest.raises(NotFound):
        plan_item_reschedule(
            actor=track.other_officer.user, project_item=a, planned_start=D(2026, 10, 12), confirm=True
        )
    assert plan_item_reschedule(actor=w.center_admin, project_item=a, planned_start=D(2026, 10, 12))


def test_the_difference_between_two_versions_is_computed(track, plan):
    officer = track.world.officer_user
    plan_confirm(actor=officer, project=track.project)
    plan_item_reschedule(
        actor=officer, project_item=item_of(track.project, "C"), planned_start=D(2026, 11, 2), confirm=True
    )
    plan_confirm(actor=officer, project=track.project, reason="企业设计方案调整")

    diff = plan_version_diff(plan=plan, old=1, new=2)
    assert [c.code for c in diff.changed] == ["C", "D"]
    c = diff.changed[0]
    assert c.changes["planned_start"] == ("2026-10-19", "2026-11-02")
    assert diff.stages["construction_license"] == ("2026-10-29", "2026-11-12")
    assert diff.completion == ("2026-11-09", "2026-11-23")
    assert not diff.added and not diff.removed
    assert plan_version_diff(plan=plan, old=2).is_empty  # nothing changed since
    assert [v.number for v in plan_version_list(plan=plan)] == [2, 1]
    with pytest.raises(NotFound):
        plan_version_diff(plan=plan, old=1, new=7)


def test_a_guide_proposes_dates_for_their_item_and_the_officer_adopts_them(track, plan):
    w = track.world
    proposal = plan_date_propose(
        actor=w.guide,
        project_item=item_of(track.project, "A"),
        proposed_start=D(2026, 10, 8),
        reason="节后集中受理",
    )
    assert Notification.objects.filter(recipient=w.officer_user, kind="plan.proposal").exists()
    with pytest.raises(Conflict):
        plan_date_propose(
            actor=w.guide,
            project_item=item_of(track.project, "A"),
            proposed_start=D(2026, 10, 9),
            reason="再议",
        )

    changes = plan_date_proposal_accept(actor=w.officer_user, proposal=proposal, note="同意")

    assert [c.code for c in changes] == ["A", "B", "C", "D"]
    assert _dates(track.project)["A"][0] == D(2026, 10, 8)
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by) == ("accepted", w.officer_user)
    assert Notification.objects.filter(recipient=w.guide, kind="plan.proposal_decided").exists()
    with pytest.raises(Conflict, match="已处理"):
        plan_date_proposal_decline(actor=w.officer_user, proposal=proposal, note="不行")


def test_a_declined_proposal_changes_nothing_and_needs_a_reason(track, plan):
    w = track.world
    before = _dates(track.project)
    proposal = plan_date_propose(
        actor=w.guide,
        project_item=item_of(track.project, "B"),
        proposed_start=D(2026, 10, 20),
        reason="人手紧张",
    )
    with pytest.raises(DomainError):
        plan_date_proposal_decline(actor=w.officer_user, proposal=proposal, note="")
    with pytest.raises(PermissionDenied):
        plan_date_proposal_decline(actor=w.guide, proposal=proposal, note="撤回")
    declined = plan_date_proposal_decline(actor=w.officer_user, proposal=proposal, note="企业要求按期")
    assert declined.status == "declined"
    assert _dates(track.project) == before


def test_only_the_current_guide_of_the_item_proposes(track, plan, second_guide):
    w, a = track.world, item_of(track.project, "A")
    for actor in (w.officer_user, w.applicant):
        with pytest.raises(PermissionDenied):
            plan_date_propose(actor=actor, project_item=a, proposed_start=D(2026, 10, 8), reason="建议")
    with pytest.raises(NotFound):
        plan_date_propose(actor=second_guide, project_item=a, proposed_start=D(2026, 10, 8), reason="建议")
    assert not PlanDateProposal.objects.exists()


def test_the_enterprise_reads_the_plan_and_a_guide_sees_only_the_part_for_their_item(
    track, plan, second_guide
):
    w = track.world
    assert access_plan_project(w.applicant, track.project.pk) == track.project
    mine = plan_view(user=w.applicant, project=track.project, today=START)
    assert not mine.can_edit and not mine.partial
    assert sum(len(s.items) for s in mine.stages) == 5
    guide_view = plan_view(user=second_guide, project=track.project, today=START)
    assert guide_view.partial
    assert [r.item.approval_item.code for s in guide_view.stages for r in s.items] == ["E"]
    assert plan_view(user=w.officer_user, project=track.project, today=START).can_edit
    with pytest.raises(NotFound):
        access_plan_project(track.other_officer.user, track.project.pk)
