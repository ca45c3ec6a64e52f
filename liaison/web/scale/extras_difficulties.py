"""Benchmark difficulties: about one per twenty projects, raised by the project's officer (mostly on one of
its items), taken along the workflow's paths with the steps the services record (DifficultyStep per
transition, the dates of reporting, escalation and conclusion, the outcome, the Art. 18 category) and
the deadline of whatever waits on the centre (response or feedback days on the working-day calendar)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from django.utils import timezone

from liaison.coordination.models import Difficulty, DifficultyState, DifficultyStep, MajorIssueCategory
from liaison.directory.roles import Role
from liaison.web.scale.extras_base import ExtrasBase, ProjectFacts

S = DifficultyState
RATE = 1 / 20  # difficulties per project
# The paths through the workflow (step names after "raise"), weighted; the last step gives the state.
PATHS: list[tuple[tuple[str, ...], int]] = [
    ((), 18),  # open: the officer is coordinating
    (("report",), 20),
    (("report", "escalate"), 5),
    (("report", "escalate", "approve_escalation"), 8),
    (("report", "escalate", "approve_escalation", "conclude"), 4),
    (("resolve",), 15),
    (("report", "centre_resolve"), 12),
    (("report", "escalate", "approve_escalation", "conclude", "feed_back"), 10),
    (("withdraw",), 5),
    (("report", "withdraw"), 3),
]
STEPS = {  # step -> (target state, acting role, comment)
    "report": (S.REPORTED, Role.OFFICER, "已与相关部门沟通，仍需中心协调。"),
    "escalate": (S.AWAITING_APPROVAL, Role.CENTER_ADMIN, "涉及多个部门职责，提请提交区项目办协调。"),
    "approve_escalation": (S.ESCALATED, Role.CENTER_LEADER, "同意提交区项目办。"),
    "conclude": (S.CONCLUDED, Role.CENTER_ADMIN, "区项目办会议已明确牵头部门和办理时限。"),
    "feed_back": (S.RESOLVED, Role.CENTER_ADMIN, "已将协调结果反馈联络官和项目单位。"),
    "resolve": (S.RESOLVED, Role.OFFICER, "经与部门沟通，已按容缺方式受理。"),
    "centre_resolve": (S.RESOLVED, Role.CENTER_ADMIN, "中心协调部门联合会商，问题已解决。"),
    "withdraw": (S.WITHDRAWN, Role.OFFICER, "企业调整方案，问题不再存在。"),
}
DATE_OF_STEP = {"report": "reported_at", "approve_escalation": "escalated_at", "conclude": "concluded_at"}
OUTCOME_STEPS = {"resolve", "centre_resolve", "conclude", "feed_back"}
TITLES = [
    "多部门审批意见不一致",
    "前置条件认定存在分歧",
    "图审意见反复修改",
    "用地手续衔接不畅",
    "联合验收排期冲突",
]


@dataclass
class DifficultiesWritten:
    difficulties: int = 0
    steps: int = 0
    states: dict[str, int] = field(default_factory=dict)


def _actor(base: ExtrasBase, role: str, officer: int) -> int:
    if role == Role.OFFICER:
        return officer
    if role == Role.CENTER_LEADER and base.leader_id is not None:
        return base.leader_id
    return base.admin_id


def _paths(base: ExtrasBase, finished: bool) -> tuple[list[tuple[str, ...]], list[int]]:
    paths = [
        (p, w)
        for p, w in PATHS
        if (base.leader_id is not None or "approve_escalation" not in p)
        and (not finished or (p and STEPS[p[-1]][0] in (S.RESOLVED, S.WITHDRAWN)))
    ]
    return [p for p, _w in paths], [w for _p, w in paths]


def _due(
    base: ExtrasBase, d: Difficulty, step: str, previous_due: dt.date | None, day: dt.date
) -> dt.date | None:
    """As coordination's due_after_step: response days once reported (kept while awaiting approval),
    feedback days once concluded, none otherwise."""
    target = STEPS[step][0]
    if target == S.REPORTED:
        return base.deadline(day, base.response_days).due_on
    if target == S.AWAITING_APPROVAL:
        return previous_due
    if target == S.CONCLUDED:
        return base.deadline(day, base.feedback_days).due_on
    return None


def _one(
    rng: random.Random, base: ExtrasBase, project: ProjectFacts
) -> tuple[Difficulty, list[DifficultyStep]]:
    names, weights = _paths(base, project.finished)
    path = rng.choices(names, weights=weights)[0]
    done = bool(path) and STEPS[path[-1]][0] in (S.RESOLVED, S.WITHDRAWN)
    span = (30, 500) if done else (0, 12 * (len(path) + 1))
    raised_on = max(
        base.today - dt.timedelta(days=rng.randint(*span)), timezone.localdate(project.registered)
    )
    raised_at = base.at(rng, raised_on, after=project.registered)
    open_items = [i for i in project.items if i.is_open] or project.items
    item = rng.choice(open_items) if open_items and rng.random() < 0.8 else None
    title = rng.choice(TITLES)
    d = Difficulty(
        project_id=project.pk,
        project_item_id=item.pk if item else None,
        number=base.numbers.difficulty(timezone.localdate(raised_at).year),
        title=title,
        description=f"压测数据：项目推进中遇到“{title}”，影响后续事项申报。",
        analysis="相关部门对办理条件的理解不一致，需统一口径。",
        proposal="建议由中心组织相关部门会商，明确办理路径。",
        state=S.OPEN,
        raised_by_id=project.officer_id,
        raised_at=raised_at,
    )
    steps = [
        DifficultyStep(
            difficulty=d,
            name="raise",
            to_state=S.OPEN,
            actor_id=project.officer_id,
            acting_role=Role.OFFICER,
            comment=d.description,
            at=raised_at,
        )
    ]
    at = raised_at
    for name in path:
        target, role, comment = STEPS[name]
        at = base.later(rng, at, 0, 6)
        steps.append(
            DifficultyStep(
                difficulty=d,
                name=name,
                from_state=d.state,
                to_state=target,
                actor_id=_actor(base, role, project.officer_id),
                acting_role=role,
                comment=comment,
                at=at,
            )
        )
        if name in DATE_OF_STEP:
            setattr(d, DATE_OF_STEP[name], at)
        if name == "escalate":
            d.category = rng.choice(MajorIssueCategory.values)
        if name in OUTCOME_STEPS:
            d.outcome = comment
        d.due_on = _due(base, d, name, d.due_on, timezone.localdate(at))
        d.state = target
        if target in (S.RESOLVED, S.WITHDRAWN):
            d.ended_at = at
    return d, steps


def difficulties_add(base: ExtrasBase, projects: list[ProjectFacts]) -> DifficultiesWritten:
    """Plan and bulk-insert the difficulties of `projects` with their steps."""
    rows: list[Difficulty] = []
    steps: list[DifficultyStep] = []
    for project in projects:
        rng = base.rng(-project.pk)  # apart from the consultations' draws
        if rng.random() < RATE:
            d, its_steps = _one(rng, base, project)
            rows.append(d)
            steps += its_steps
    written = DifficultiesWritten()
    if not rows:
        return written
    Difficulty.objects.bulk_create(rows, batch_size=1000)
    DifficultyStep.objects.bulk_create(steps, batch_size=2000)
    written.difficulties, written.steps = len(rows), len(steps)
    for d in rows:
        written.states[d.state] = written.states.get(d.state, 0) + 1
    return written
