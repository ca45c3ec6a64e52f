"""Difficulties (Art. 10(4), 18, 19): the officer resolves or reports; the centre resolves, sends back or
submits a major issue to the project office; the office concludes; the centre feeds back. Every role
against every step; what each role sees; bad input saves nothing."""

from __future__ import annotations

import pytest

from liaison.audit.models import AuditEvent
from liaison.coordination.models import Difficulty, DifficultyStep
from liaison.coordination.policies import visible_difficulties
from liaison.coordination.selectors.difficulties import difficulty_detail
from liaison.coordination.services.difficulties import difficulty_raise, difficulty_step
from liaison.coordination.workflows import DIFFICULTY_WORKFLOW
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.directory.roles import Role
from liaison.notifications.models import Notification
from liaison.testing.personas import make_user
from liaison.tracking.services.plans import plan_draft_from_entrustment

pytestmark = pytest.mark.django_db


def raise_one(case, **kw):
    values = {
        "title": "消防与住建对地下室验收口径不一致",
        "description": "区消防救援大队与住建局对人防地下室的验收顺序意见不一，项目无法进入竣工验收。",
        "analysis": "职责交叉，两个部门各自依据不同文件。",
        "proposal": "请中心组织两部门会商，明确先后顺序。",
        **kw,
    }
    return difficulty_raise(actor=case.world.officer_user, project=case.project, **values)


def step(user, d, name, comment="说明", category=""):
    return difficulty_step(actor=user, difficulty=d, name=name, comment=comment, category=category)


def test_the_full_escalation_path_is_recorded_notified_and_audited(case):
    w = case.world
    d = raise_one(case, project_item=case.item)
    assert d.number.startswith("NDWT-") and d.state == "open"
    step(w.officer_user, d, "report", "已与两部门沟通，意见仍不一致。")
    assert Notification.objects.filter(kind="difficulty.report", recipient=w.center_admin).exists()
    step(w.center_admin, d, "escalate", "附两部门书面意见。", category="overlapping_duties")
    assert Notification.objects.filter(kind="difficulty.escalate", recipient=w.center_leader).exists()
    assert not visible_difficulties(w.project_office).exists()  # not before the leader approves
    step(w.center_leader, d, "approve_escalation", "同意提交区项目办。")
    assert Notification.objects.filter(
        kind="difficulty.approve_escalation", recipient=w.project_office
    ).exists()
    step(w.project_office, d, "progress", "已列入下周重点项目推进会议议题。")
    step(w.project_office, d, "conclude", "会议明确：先人防验收，再消防验收，住建局牵头。")
    d = step(w.center_admin, d, "feed_back", "已告知联络官和项目单位：先人防后消防，住建局牵头。")

    d.refresh_from_db()
    assert d.state == "resolved" and d.category == "overlapping_duties"
    assert d.outcome.startswith("已告知联络官和项目单位")
    assert d.reported_at and d.escalated_at and d.concluded_at and d.ended_at
    names = list(DifficultyStep.objects.filter(difficulty=d).values_list("name", "acting_role"))
    assert names == [
        ("raise", "officer"),
        ("report", "officer"),
        ("escalate", "center_admin"),
        ("approve_escalation", "center_leader"),
        ("progress", "project_office"),
        ("conclude", "project_office"),
        ("feed_back", "center_admin"),
    ]
    told = set(
        Notification.objects.filter(kind="difficulty.feed_back").values_list("recipient__username", flat=True)
    )
    assert told == {w.officer_user.username, w.applicant.username}
    actions = list(
        AuditEvent.objects.filter(object_id=str(d.pk), action__startswith="difficulty.").values_list(
            "action", flat=True
        )
    )
    assert len(actions) == 7


def _reach(case, state):
    w = case.world
    d = raise_one(case)
    report, escalate = (w.officer_user, "report"), (w.center_admin, "escalate")
    approve = (w.center_leader, "approve_escalation")
    path = {
        "open": [],
        "reported": [report],
        "awaiting_approval": [report, escalate],
        "escalated": [report, escalate, approve],
        "concluded": [report, escalate, approve, (w.project_office, "conclude")],
        "resolved": [(w.officer_user, "resolve")],
        "withdrawn": [(w.officer_user, "withdraw")],
    }[state]
    for user, name in path:
        step(user, d, name, category="other")
    d.refresh_from_db()
    return d


STEPS = [
    "resolve",
    "report",
    "withdraw",
    "centre_resolve",
    "send_back",
    "escalate",
    "approve_escalation",
    "decline_escalation",
    "progress",
    "conclude",
    "feed_back",
]
# Per state, per role, the outcome of each step in STEPS order, written out by hand from Art. 18–19:
# "o" done, "4" not found (may not see it), "3" forbidden (the step is not the role's), "0" wrong state.
NOBODY = "44444444444"
EXPECTED = {
    "open": {
        "officer_user": "ooo33333333",
        "center_admin": "33300033000",  # the centre's steps, from the wrong state
        "center_leader": "33333300333",
        "supervisor": "33333333333",
        "project_office": NOBODY,  # not submitted to it
        "applicant": NOBODY,  # not resolved
        "guide": NOBODY,
    },
    "reported": {
        "officer_user": "00o33333333",
        "center_admin": "333ooo33000",
        "center_leader": "33333300333",
        "supervisor": "33333333333",
        "project_office": NOBODY,
        "applicant": NOBODY,
        "guide": NOBODY,
    },
    "awaiting_approval": {
        "officer_user": "00033333333",
        "center_admin": "33300033000",
        "center_leader": "333333oo333",
        "supervisor": "33333333333",
        "project_office": NOBODY,  # the leader has not approved yet
        "applicant": NOBODY,
        "guide": NOBODY,
    },
    "escalated": {
        "officer_user": "00033333333",
        "center_admin": "33300033oo0",
        "center_leader": "33333300333",
        "supervisor": "33333333333",
        "project_office": "33333333oo3",
        "applicant": NOBODY,
        "guide": NOBODY,
    },
    "concluded": {
        "officer_user": "00033333333",
        "center_admin": "3330003300o",
        "center_leader": "33333300333",
        "supervisor": "33333333333",
        "project_office": "33333333003",
        "applicant": NOBODY,
        "guide": NOBODY,
    },
    "resolved": {
        "officer_user": "00033333333",
        "center_admin": "33300033000",
        "center_leader": "33333300333",
        "supervisor": "33333333333",
        "project_office": NOBODY,  # never submitted to it
        "applicant": "33333333333",  # sees the outcome, takes no step
        "guide": NOBODY,
    },
}
EXPECTED["withdrawn"] = {**EXPECTED["resolved"], "applicant": NOBODY}
OUTCOME = {"4": NotFound, "3": PermissionDenied, "0": DomainError}


@pytest.mark.parametrize("state", list(EXPECTED))
def test_each_role_against_each_step_from_each_state(case, state):
    """Every role tries every step from `state`; refusals leave no step, audit event or notification."""
    for who, outcomes in EXPECTED[state].items():
        user = case.world.guide if who == "guide" else case.world.persona(who)
        for name, outcome in zip(STEPS, outcomes, strict=True):
            d = _reach(case, state)
            if outcome == "o":
                assert step(user, d, name, category="other").state != state or name == "progress", (who, name)
                continue
            counts = (
                DifficultyStep.objects.count(),
                AuditEvent.objects.count(),
                Notification.objects.count(),
            )
            with pytest.raises(DomainError) as refused:
                step(user, d, name, category="other")
            assert type(refused.value) is OUTCOME[outcome], (state, who, name, refused.value)
            assert Difficulty.objects.get(pk=d.pk).state == state
            after = (DifficultyStep.objects.count(), AuditEvent.objects.count(), Notification.objects.count())
            assert after == counts, (state, who, name)


def test_the_officer_resolves_or_withdraws_and_the_centre_sends_back(case):
    w = case.world
    a = step(w.officer_user, raise_one(case), "resolve", "与规划分局当面沟通后已解决。")
    assert a.state == "resolved" and a.outcome == "与规划分局当面沟通后已解决。"
    b = step(w.officer_user, raise_one(case), "report", "需中心协调。")
    b = step(w.center_admin, b, "send_back", "属单一部门事项，请联络官直接对接指导员。")
    assert b.state == "open" and b.reported_at is not None
    assert Notification.objects.filter(kind="difficulty.send_back", recipient=w.officer_user).exists()
    c = step(w.officer_user, b, "withdraw", "企业调整方案，问题不再存在。")
    assert c.state == "withdrawn" and c.ended_at


def test_who_sees_what(case):
    w = case.world
    own = raise_one(case)
    theirs = difficulty_raise(
        actor=case.other_officer.user,
        project=case.other_project,
        title="另一项目的问题",
        description="说明",
        analysis="分析",
        proposal="建议",
    )
    step(w.officer_user, own, "report")

    def sees(user):
        return set(visible_difficulties(user).values_list("pk", flat=True))

    assert sees(w.officer_user) == {own.pk}
    assert sees(case.other_officer.user) == {theirs.pk}
    assert sees(w.center_admin) == sees(w.supervisor) == sees(w.center_leader) == {own.pk, theirs.pk}
    assert sees(w.project_office) == set()  # nothing submitted to it yet
    assert sees(w.applicant) == set()  # nothing resolved yet
    assert sees(w.guide) == set()
    step(w.center_admin, own, "escalate", category="key_project_acceleration")
    assert sees(w.project_office) == set()  # waiting for the leader's approval
    step(w.center_leader, own, "approve_escalation", "同意")
    assert sees(w.project_office) == {own.pk}
    step(w.project_office, own, "conclude", "同意加快。")
    step(w.center_admin, own, "feed_back", "已反馈。")
    assert sees(w.applicant) == {own.pk}
    detail = difficulty_detail(w.applicant, own.pk)
    assert not detail.internal and detail.steps == [] and detail.actions == []
    with pytest.raises(NotFound):
        difficulty_detail(w.applicant, theirs.pk)


@pytest.mark.parametrize(
    ("name", "comment", "category", "field"),
    [
        ("report", "  ", "", "comment"),
        ("escalate", "说明", "", "category"),
        ("escalate", "说明", "made_up", "category"),
        ("nonsense", "说明", "", "name"),
        ("report", "长" * 2001, "", "comment"),
    ],
)
def test_bad_steps_are_refused_on_their_field_and_change_nothing(case, name, comment, category, field):
    d = raise_one(case)
    if name == "escalate":
        step(case.world.officer_user, d, "report")
    before = Difficulty.objects.get(pk=d.pk)
    user = case.world.center_admin if name == "escalate" else case.world.officer_user
    with pytest.raises(DomainError) as refused:
        step(user, d, name, comment, category)
    assert refused.value.field == field
    after = Difficulty.objects.get(pk=d.pk)
    assert (after.state, after.category, after.outcome) == (before.state, before.category, before.outcome)


def test_raising_needs_the_officer_of_the_project_and_a_title_and_description(case):
    w = case.world
    with pytest.raises(NotFound):
        difficulty_raise(
            actor=w.other_applicant,
            project=case.other_project,
            title="x",
            description="y",
            analysis="a",
            proposal="p",
        )
    with pytest.raises(NotFound):  # another project's officer does not see this one
        difficulty_raise(
            actor=case.other_officer.user,
            project=case.project,
            title="x",
            description="y",
            analysis="a",
            proposal="p",
        )
    for user in (w.applicant, w.center_leader, w.supervisor):  # they see the project, but do not raise
        with pytest.raises(PermissionDenied):
            difficulty_raise(
                actor=user, project=case.project, title="x", description="y", analysis="a", proposal="p"
            )
    with pytest.raises(DomainError) as refused:
        raise_one(case, title=" ")
    assert refused.value.field == "title"
    plan_draft_from_entrustment(
        actor=case.other_officer.user, project=case.other_project, start_date=case.item.planned_start
    )
    with pytest.raises(DomainError) as refused:
        raise_one(case, project_item=case.other_project.tracking_items.first())
    assert refused.value.field == "project_item"
    assert not Difficulty.objects.exists()
    made = difficulty_raise(
        actor=w.center_admin,
        project=case.project,
        title="中心发现的问题",
        description="说明",
        analysis="分析",
        proposal="建议",
    )
    assert made.steps.get().acting_role == "center_admin"


def test_numbers_run_per_year(case):
    first, second = raise_one(case), raise_one(case)
    assert int(second.number[-4:]) == int(first.number[-4:]) + 1


def test_the_declared_steps_follow_articles_18_and_19():
    """Who may take which step from where, written out: the officer resolves or reports (Art. 18, first
    sentence), the centre coordinates or submits to the project office, the office concludes, the centre
    feeds back (Art. 19)."""
    declared = {t.name: (set(t.sources), t.target, set(t.roles)) for t in DIFFICULTY_WORKFLOW.transitions}
    assert declared == {
        "resolve": ({"open"}, "resolved", {"officer"}),
        "report": ({"open"}, "reported", {"officer"}),
        "withdraw": ({"open", "reported"}, "withdrawn", {"officer"}),
        "centre_resolve": ({"reported"}, "resolved", {"center_admin"}),
        "send_back": ({"reported"}, "open", {"center_admin"}),
        "escalate": ({"reported"}, "awaiting_approval", {"center_admin"}),
        "approve_escalation": ({"awaiting_approval"}, "escalated", {"center_leader"}),
        "decline_escalation": ({"awaiting_approval"}, "reported", {"center_leader"}),
        "progress": ({"escalated"}, "escalated", {"center_admin", "project_office"}),
        "conclude": ({"escalated"}, "concluded", {"center_admin", "project_office"}),
        "feed_back": ({"concluded"}, "resolved", {"center_admin"}),
        # the service ended: the platform ends what is still being coordinated (no user holds "system")
        "end_with_service": (
            {"open", "reported", "awaiting_approval", "escalated", "concluded"},
            "withdrawn",
            {"system"},
        ),
    }


def test_an_officer_cannot_withdraw_the_centres_own_finding_nor_a_leader_approve_their_own_proposal(case):
    w = case.world
    centre_found = difficulty_raise(
        actor=w.center_admin,
        project=case.project,
        title="中心发现的问题",
        description="说明",
        analysis="分析",
        proposal="建议",
    )
    assert centre_found.state == "reported"
    assert Notification.objects.filter(kind="difficulty.raise", recipient=w.officer_user).exists()
    with pytest.raises(PermissionDenied):
        step(w.officer_user, centre_found, "withdraw", "不需要了")

    both = make_user("t_admin_leader", roles=(Role.CENTER_ADMIN, Role.CENTER_LEADER), full_name="兼任")
    d = step(w.officer_user, raise_one(case), "report")
    d = step(both, d, "escalate", category="other")
    with pytest.raises(PermissionDenied):
        step(both, d, "approve_escalation", "自己批准")
    d = step(w.center_leader, d, "decline_escalation", "中心继续协调")
    assert (d.state, d.category) == ("reported", "")  # it did not go to the project office
