"""动态回访 (Art. 11(4)): the centre's return visits — planned for every project in service every N months
and after each stage is finished (a job), or by hand; assigned to a centre staff member with the project's
guides asked to take part; recorded with the satisfaction survey; an issue raised becomes a difficulty in
one step."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.coordination.models import Difficulty
from liaison.coordination.services.difficulties import difficulty_raise
from liaison.core.errors import DomainError, NotFound
from liaison.deadlines.calendar_policy import deadline_after
from liaison.directory.models import User
from liaison.directory.roles import Role
from liaison.evaluation.models import (
    ReturnVisit,
    SurveyAnswer,
    SurveyQuestion,
    VisitMethod,
    VisitReason,
    VisitState,
)
from liaison.evaluation.settings_row import evaluation_settings
from liaison.intake.models import EntrustmentStatus, Project
from liaison.intake.people import centre_admins
from liaison.notifications.services.notify import notification_send
from liaison.tracking.models import COUNTED_STATES, FINAL_STATES, ProjectItem
from liaison.tracking.services.common import clean_text


def _guides(project: Project) -> list[User]:
    ids = ProjectItem.objects.filter(project=project).values("approval_item_id")
    return list(
        User.objects.filter(
            is_active=True, guide_assignments__is_active=True, guide_assignments__item_id__in=ids
        ).distinct()
    )


def _create(
    project: Project,
    reason: str,
    *,
    stage: str = "",
    actor: Any = None,
    today: dt.date,
    admins: list[User] | None = None,
) -> ReturnVisit | None:
    due = deadline_after(today, evaluation_settings().visit_days).due_on
    try:
        with transaction.atomic():
            visit = ReturnVisit.objects.create(
                project=project, reason=reason, stage=stage, planned_on=today, due_on=due
            )
    except IntegrityError:  # this stage's visit exists already
        return None
    guides = _guides(project)
    visit.guides.set(guides)
    audit_record(
        actor=actor,
        action="visit.plan",
        obj=visit,
        object_repr=project.name,
        after={"reason": reason, "stage": stage, "due_on": due},
        summary=_("安排回访：%(p)s（%(r)s）") % {"p": project.name, "r": VisitReason(reason).label},
    )
    notification_send(
        recipients=[*(centre_admins() if admins is None else admins), *guides],
        kind="visit.planned",
        event_key=f"visit:{visit.pk}:planned",
        title=_("回访任务：%(p)s（期限 %(d)s）") % {"p": project.name, "d": due.isoformat() if due else "—"},
        url=f"/evaluation/visits/{visit.pk}/",
    )
    return visit


def _months_ago(today: dt.date, months: int) -> dt.date:
    month = today.month - months
    year = today.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return dt.date(year, month, min(today.day, 28))


def visits_plan(*, today: dt.date | None = None) -> int:
    """Plan the visits that are due: periodic ones for projects in service without a visit for N months,
    one per stage whose items have all finished. Returns how many were planned."""
    today = today or timezone.localdate()
    since = _months_ago(today, evaluation_settings().visit_interval_months)
    in_service = Project.objects.filter(
        service_ended_at__isnull=True, entrustments__status=EntrustmentStatus.ACCEPTED
    ).distinct()
    stale = (
        in_service.annotate(
            last_visit=Max("return_visits__planned_on", filter=~Q(return_visits__state=VisitState.CANCELLED)),
            accepted=Max("entrustments__decided_at"),
        )
        .filter(Q(last_visit__lt=since) | Q(last_visit__isnull=True, accepted__date__lt=since))
        .order_by("pk")
    )
    admins = centre_admins()  # told of every visit planned: read once for the run
    planned = sum(
        1 for project in stale if _create(project, VisitReason.PERIODIC, today=today, admins=admins)
    )
    visited = set(ReturnVisit.objects.filter(reason=VisitReason.STAGE).values_list("project_id", "stage"))
    stage_rows = (
        ProjectItem.objects.filter(project__in=in_service, state__in=COUNTED_STATES)
        .values_list("project_id", "stage", "state")
        .order_by("project_id")
    )
    finished: dict[tuple[int, str], bool] = {}
    for project_id, stage, state in stage_rows:
        key = (project_id, stage)
        finished[key] = finished.get(key, True) and state in FINAL_STATES
    projects = {
        p.pk: p for p in Project.objects.filter(pk__in={k[0] for k, done in finished.items() if done})
    }
    for (project_id, stage), done in sorted(finished.items()):
        if (
            done
            and (project_id, stage) not in visited
            and _create(projects[project_id], VisitReason.STAGE, stage=stage, today=today, admins=admins)
        ):
            planned += 1
    return planned


def _centre(actor: Any) -> None:
    if not actor.has_role(Role.CENTER_ADMIN):
        raise NotFound(_("回访任务不存在或您无权操作。"))


def visit_plan_manual(*, actor: Any, project: Project) -> ReturnVisit:
    _centre(actor)
    with transaction.atomic():
        visit = _create(project, VisitReason.MANUAL, actor=actor, today=timezone.localdate())
    assert visit is not None  # noqa: S101 - manual visits have no uniqueness
    return visit


def _lock(actor: Any, visit_id: int) -> ReturnVisit:
    _centre(actor)
    visit = (
        ReturnVisit.objects.select_for_update(of=("self",))
        .select_related("project")
        .filter(pk=visit_id)
        .first()
    )
    if visit is None:
        raise NotFound(_("回访任务不存在或您无权操作。"))
    return visit


def visit_assign(*, actor: Any, visit_id: int, assignee_id: Any) -> ReturnVisit:
    with transaction.atomic():
        visit = _lock(actor, visit_id)
        if visit.state != VisitState.PLANNED:
            raise DomainError(_("回访已结束，不能再指派。"))
        staff = {u.pk: u for u in centre_admins()}
        try:
            assignee = staff.get(int(str(assignee_id)))
        except (TypeError, ValueError):
            assignee = None
        if assignee is None:
            raise DomainError(_("请选择中心工作人员作为回访人。"), field="assignee")
        visit.assignee = assignee
        visit.save(update_fields=["assignee"])
        audit_record(
            actor=actor,
            action="visit.assign",
            obj=visit,
            object_repr=visit.project.name,
            after={"assignee": assignee.username},
            summary=_("指派回访人：%(u)s") % {"u": assignee.full_name or assignee.username},
        )
        notification_send(
            recipients=[assignee] if assignee.pk != actor.pk else [],
            kind="visit.assigned",
            event_key=f"visit:{visit.pk}:assigned:{assignee.pk}",
            title=_("请完成回访：%(p)s") % {"p": visit.project.name},
            url=f"/evaluation/visits/{visit.pk}/",
        )
    return visit


def _answers(raw: dict[Any, Any]) -> list[tuple[SurveyQuestion, int]]:
    questions = list(SurveyQuestion.objects.filter(is_active=True))
    picked: list[tuple[SurveyQuestion, int]] = []
    for question in questions:
        value = raw.get(question.pk, raw.get(str(question.pk)))
        try:
            score = int(str(value))
        except (TypeError, ValueError):
            score = 0
        if not 1 <= score <= 5:
            raise DomainError(
                _("请为“%(q)s”打分（1 至 5 分）。") % {"q": question.text}, field=f"q{question.pk}"
            )
        picked.append((question, score))
    return picked


def visit_record(
    *,
    actor: Any,
    visit_id: int,
    visited_on: Any,
    method: Any,
    spoken_to: Any,
    answers: dict[Any, Any],
    issues: Any = "",
) -> ReturnVisit:
    if not isinstance(visited_on, dt.date):
        raise DomainError(_("请填写回访日期。"), field="visited_on")
    if visited_on > timezone.localdate():
        raise DomainError(_("回访日期不能晚于今天。"), field="visited_on")
    if method not in VisitMethod.values:
        raise DomainError(_("请选择回访方式。"), field="method")
    spoken_to = clean_text(spoken_to, field="spoken_to", label=_("受访人"), required=True, limit=100)
    issues = clean_text(issues, field="issues", label=_("反映的问题"), required=False)
    scores = _answers(answers or {})
    with transaction.atomic():
        visit = _lock(actor, visit_id)
        if visit.state != VisitState.PLANNED:
            raise DomainError(_("该回访已记录，不能重复记录。"))
        if visited_on < visit.planned_on - dt.timedelta(days=366):
            raise DomainError(_("回访日期不合理。"), field="visited_on")
        visit.state, visit.visited_on, visit.method = VisitState.DONE, visited_on, method
        visit.spoken_to, visit.issues, visit.recorded_by = spoken_to, issues, actor
        if visit.assignee_id is None:
            visit.assignee = actor
        visit.save()
        SurveyAnswer.objects.bulk_create([SurveyAnswer(visit=visit, question=q, score=s) for q, s in scores])
        audit_record(
            actor=actor,
            action="visit.record",
            obj=visit,
            object_repr=visit.project.name,
            after={"method": method, "scores": {q.pk: s for q, s in scores}, "issues": issues[:200]},
            summary=_("记录回访：%(p)s") % {"p": visit.project.name},
        )
    return visit


def visit_issue_to_difficulty(
    *, actor: Any, visit_id: int, title: Any, analysis: Any, proposal: Any
) -> Difficulty:
    """Turn the issue the enterprise raised on a visit into a difficulty of the project (one step)."""
    with transaction.atomic():
        visit = _lock(actor, visit_id)
        if visit.state != VisitState.DONE or not visit.issues:
            raise DomainError(_("只有已记录并反映了问题的回访才能转为难点问题。"))
        return difficulty_raise(
            actor=actor,
            project=visit.project,
            title=str(title or ""),
            description=_("回访（%(d)s）反映：%(i)s") % {"d": visit.visited_on, "i": visit.issues},
            analysis=str(analysis or ""),
            proposal=str(proposal or ""),
        )
