"""Difficulties (Art. 10(4), 18, 19): raise, then one step per workflow transition.

Every step locks the difficulty, asks the workflow whether the actor's roles allow it from the current
state, writes the step and the audit event, and tells the next people in line — all in one transaction.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from liaison.audit.services.events import audit_record, snapshot
from liaison.coordination.deadlines import coordination_settings, due_after_step
from liaison.coordination.models import (
    Difficulty,
    DifficultySerial,
    DifficultyState,
    DifficultyStep,
    MajorIssueCategory,
)
from liaison.coordination.policies import can_raise_difficulty, difficulty_roles, is_project_officer
from liaison.coordination.services.serials import next_serial
from liaison.coordination.workflows import DIFFICULTY_WORKFLOW, OUTCOME_STEPS
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.directory.models import User
from liaison.directory.roles import Role
from liaison.intake.models import Project
from liaison.intake.people import centre_admins, enterprise_users, project_officers, users_with_roles
from liaison.intake.policies import can_view_project
from liaison.intake.services.guard import ensure_service_open
from liaison.notifications.services.notify import notification_send
from liaison.tracking.models import ProjectItem
from liaison.tracking.services.common import clean_text

S = DifficultyState
NOT_FOUND = gettext_lazy("难点问题不存在或您无权查看。")
STATE_FIELDS = ["state", "category", "outcome", "due_on"]
# The comment each step must carry, and what it is called on the form.
COMMENT_LABELS = {
    "resolve": gettext_lazy("解决情况"),
    "report": gettext_lazy("已做的协调工作及需中心协调的事项"),
    "withdraw": gettext_lazy("撤回理由"),
    "centre_resolve": gettext_lazy("协调结果"),
    "send_back": gettext_lazy("退回理由及协调建议"),
    "escalate": gettext_lazy("情况说明及已收集的资料"),
    "approve_escalation": gettext_lazy("审核意见"),
    "decline_escalation": gettext_lazy("不同意的理由及协调要求"),
    "progress": gettext_lazy("协调进展"),
    "conclude": gettext_lazy("协调结果"),
    "feed_back": gettext_lazy("反馈内容"),
}
# Whom a difficulty waits on, by state (told when it is withdrawn or ends with the service).
WAITING_ON: dict[str, tuple[Role, ...]] = {
    S.REPORTED: (Role.CENTER_ADMIN,),
    S.CONCLUDED: (Role.CENTER_ADMIN,),
    S.AWAITING_APPROVAL: (Role.CENTER_LEADER,),
    S.ESCALATED: (Role.CENTER_ADMIN, Role.PROJECT_OFFICE),
}
DATE_OF_STEP = {"report": "reported_at", "approve_escalation": "escalated_at", "conclude": "concluded_at"}
# What the page says once a step is taken.
DONE_MESSAGES = {
    "resolve": gettext_lazy("已登记为自行协调解决。"),
    "report": gettext_lazy("已上报中心。"),
    "withdraw": gettext_lazy("已撤回。"),
    "centre_resolve": gettext_lazy("已登记为中心协调解决，联络官和项目单位已收到通知。"),
    "send_back": gettext_lazy("已退回联络官继续协调。"),
    "escalate": gettext_lazy("已提请中心负责人审核提交区项目办。"),
    "approve_escalation": gettext_lazy("已批准，难点问题已提交区项目办。"),
    "decline_escalation": gettext_lazy("已退回中心继续协调。"),
    "progress": gettext_lazy("协调进展已记录。"),
    "conclude": gettext_lazy("已登记协调完毕，待中心反馈。"),
    "feed_back": gettext_lazy("已反馈联络官和项目单位。"),
}


def _next_number(year: int) -> str:
    return f"NDWT-{year}-{next_serial(DifficultySerial, year):04d}"


def difficulty_raise(
    *,
    actor: Any,
    project: Project,
    title: str,
    description: str,
    analysis: str = "",
    proposal: str = "",
    project_item: ProjectItem | None = None,
) -> Difficulty:
    """The officer records a difficulty met while serving the project, with their analysis and proposal."""
    if not can_view_project(actor, project):
        raise NotFound(_("项目不存在或您无权查看。"))
    if not can_raise_difficulty(actor, project):
        raise PermissionDenied(_("只有派任到本项目的联络官（或中心）可以登记难点问题。"))
    ensure_service_open(project)
    title = clean_text(title, field="title", label=_("问题"), required=True, limit=120)
    description = clean_text(description, field="description", label=_("问题描述"), required=True)
    # Art. 10(4): the officer analyses the difficulty and proposes a solution when recording it.
    analysis = clean_text(analysis, field="analysis", label=_("原因分析"), required=True)
    proposal = clean_text(proposal, field="proposal", label=_("解决建议"), required=True)
    if project_item is not None and project_item.project_id != project.pk:
        raise DomainError(_("所选事项不属于本项目。"), field="project_item")
    by_officer = is_project_officer(actor, project)
    # The centre's own finding is already with the centre: it starts reported, and the officers are told.
    state = S.OPEN if by_officer else S.REPORTED
    with transaction.atomic():
        now = timezone.now()
        difficulty = Difficulty.objects.create(
            state=state,
            reported_at=None if by_officer else now,
            due_on=None
            if by_officer
            else due_after_step(
                target=S.REPORTED,
                previous=S.OPEN,
                previous_due=None,
                day=timezone.localdate(now),
                settings=coordination_settings(),
            ),
            project=project,
            project_item=project_item,
            number=_next_number(timezone.localdate(now).year),
            title=title,
            description=description,
            analysis=analysis,
            proposal=proposal,
            raised_by=actor,
            raised_at=now,
        )
        DifficultyStep.objects.create(
            difficulty=difficulty,
            name="raise",
            to_state=state,
            actor=actor,
            acting_role=Role.OFFICER if by_officer else Role.CENTER_ADMIN,
            comment=description,
            at=now,
        )
        audit_record(
            actor=actor,
            action="difficulty.raise",
            obj=difficulty,
            after=snapshot(difficulty, STATE_FIELDS),
            summary=_("登记难点问题：%(t)s") % {"t": title},
        )
        if not by_officer:
            _notify(difficulty, "raise", actor=actor, comment=description, count=1)
    return difficulty


def _lock(difficulty: Difficulty) -> Difficulty:
    locked = (
        Difficulty.objects.select_for_update(of=("self",))
        .select_related("project__enterprise")
        .get(pk=difficulty.pk)
    )
    ensure_service_open(locked.project)
    return locked


def difficulty_step(
    *, actor: Any, difficulty: Difficulty, name: str, comment: str = "", category: str = ""
) -> Difficulty:
    """Take step `name` (a transition of DIFFICULTY_WORKFLOW); every step needs its comment, and
    submitting to the project office one of the four Art. 18 categories."""
    with transaction.atomic():
        locked = _lock(difficulty)
        roles = difficulty_roles(actor, locked)
        if not roles:
            raise NotFound(NOT_FOUND)  # before any check of the input: what may not be seen looks missing
        if name not in COMMENT_LABELS:
            raise DomainError(_("未知的处理操作。"), field="name")
        comment = clean_text(comment, field="comment", label=COMMENT_LABELS[name], required=True)
        if name == "escalate" and category not in MajorIssueCategory.values:
            raise DomainError(_("请选择重大问题类别（第十八条所列情形）。"), field="category")
        DIFFICULTY_WORKFLOW.check(name, state=locked.state, roles=roles)
        _check_person(actor, locked, name)
        apply_step(locked, name, roles=roles, actor=actor, comment=comment, category=category)
    return locked


def apply_step(
    locked: Difficulty, name: str, *, roles: frozenset[str], actor: Any, comment: str, category: str = ""
) -> None:
    """Take step `name` on the locked difficulty for the holder of `roles` (the person and the input
    already checked): record it, set its dates, outcome and deadline, save, audit and tell those next in
    line — in the caller's transaction."""
    before = snapshot(locked, STATE_FIELDS)
    previous, now = locked.state, timezone.now()
    t = DIFFICULTY_WORKFLOW.record_step(
        name,
        locked,
        roles=roles,
        step_model=DifficultyStep,
        link="difficulty",
        actor=actor,
        comment=comment,
        at=now,
    )
    if name in DATE_OF_STEP:
        setattr(locked, DATE_OF_STEP[name], now)
    if name == "escalate":
        locked.category = category
    if name == "decline_escalation":
        locked.category = ""  # it did not go to the project office
    if name in OUTCOME_STEPS:
        locked.outcome = comment
    locked.due_on = due_after_step(
        target=t.target,
        previous=previous,
        previous_due=locked.due_on,
        day=timezone.localdate(now),
        settings=coordination_settings(),
    )
    if t.target in {S.RESOLVED, S.WITHDRAWN}:
        locked.ended_at = now
    locked.save()
    audit_record(
        actor=actor,
        action=f"difficulty.{name}",
        obj=locked,
        before=before,
        after=snapshot(locked, STATE_FIELDS),
        summary=f"{locked.number} {t.label}",
    )
    _notify(locked, name, actor=actor, comment=comment, count=locked.steps.count(), previous=previous)


def _check_person(actor: Any, difficulty: Difficulty, name: str) -> None:
    """Rules on the person, beyond the role: an officer withdraws only what they raised or reported
    (not the centre's own finding); nobody approves or declines their own proposal."""
    takers = {
        step: actor_id
        for step, actor_id in difficulty.steps.order_by("at", "pk").values_list("name", "actor_id")
    }  # the latest actor of each step
    if name == "withdraw" and actor.pk not in {takers.get("raise"), takers.get("report")}:
        raise PermissionDenied(_("只有提出或上报该问题的联络官可以撤回。"))
    if name in {"approve_escalation", "decline_escalation"} and takers.get("escalate") == actor.pk:
        raise PermissionDenied(_("提请人不能审核自己的提请。"))


def _audience(difficulty: Difficulty, name: str, previous: str) -> list[User]:
    """Who hears of step `name`: the next in line, and those it concerns."""
    officers = project_officers(difficulty.project)
    if name in {"report", "approve_escalation", "decline_escalation", "progress", "conclude"}:
        people = (
            [*centre_admins(), *officers] if name not in {"report", "decline_escalation"} else centre_admins()
        )
        if name == "approve_escalation":
            people += users_with_roles(Role.PROJECT_OFFICE)
        return people
    if name == "escalate":
        return users_with_roles(Role.CENTER_LEADER)
    if name in {"resolve", "centre_resolve", "feed_back"}:
        return [*officers, *enterprise_users(difficulty.project)]
    if name in {"send_back", "raise"}:
        return officers
    if name in {"withdraw", "end_with_service"}:  # whoever it was waiting on stops
        return users_with_roles(*WAITING_ON.get(previous, ()))
    return []


def _notify(
    difficulty: Difficulty, name: str, *, actor: Any, comment: str, count: int, previous: str = ""
) -> None:
    label = _("登记") if name == "raise" else DIFFICULTY_WORKFLOW.transition(name).label
    notification_send(
        recipients=[u for u in _audience(difficulty, name, previous) if u.pk != actor.pk],
        kind=f"difficulty.{name}",
        event_key=f"difficulty:{difficulty.pk}:{count}",
        title=_("难点问题%(action)s：%(title)s") % {"action": label, "title": difficulty.title},
        body=_("“%(project)s”的难点问题 %(number)s：%(comment)s")
        % {"project": difficulty.project.name, "number": difficulty.number, "comment": comment[:300]},
        url=f"/coordination/difficulties/{difficulty.pk}/",
    )
