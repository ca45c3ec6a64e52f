"""Reads of return visits: the list with lights, one visit with its survey."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from liaison.core.errors import NotFound
from liaison.deadlines.lights import Light, light_context, light_of
from liaison.directory.roles import Role
from liaison.evaluation.deadline_kinds import VISIT
from liaison.evaluation.models import ReturnVisit, SurveyAnswer, SurveyQuestion, VisitState
from liaison.intake.people import centre_admins

READERS = (Role.CENTER_ADMIN, Role.CENTER_LEADER, Role.SUPERVISOR)


def _readable(user: Any) -> QuerySet[ReturnVisit]:
    if user.has_role(*READERS):
        return ReturnVisit.objects.all()
    if user.has_role(Role.GUIDE):
        return ReturnVisit.objects.filter(guides=user)
    return ReturnVisit.objects.none()


def visit_list(user: Any, *, state: str = "") -> list[ReturnVisit]:
    qs = _readable(user).select_related("project", "assignee")
    if state in VisitState.values:
        qs = qs.filter(state=state)
    rows = list(qs.order_by("state", "due_on", "id")[:500])
    ctx = light_context(VISIT.code)
    for row in rows:
        row.light = light_of(row.due_on, ctx) if row.state == VisitState.PLANNED else Light.NONE  # type: ignore[attr-defined]
    return rows


@dataclass
class VisitPanel:
    visit: ReturnVisit
    can_record: bool
    questions: list[SurveyQuestion]
    answers: list[SurveyAnswer]
    staff: list[Any]
    light: str
    can_raise: bool


def access_visit(user: Any, pk: int) -> VisitPanel:
    visit = _readable(user).select_related("project", "assignee", "recorded_by").filter(pk=pk).first()
    if visit is None:
        raise NotFound(_("回访任务不存在或您无权查看。"))
    can_record = user.has_role(Role.CENTER_ADMIN) and visit.state == VisitState.PLANNED
    return VisitPanel(
        visit=visit,
        can_record=can_record,
        questions=list(SurveyQuestion.objects.filter(is_active=True)) if can_record else [],
        answers=list(visit.answers.select_related("question")),
        staff=centre_admins() if can_record else [],
        light=light_of(visit.due_on, light_context(VISIT.code))
        if visit.state == VisitState.PLANNED
        else Light.NONE,
        can_raise=user.has_role(Role.CENTER_ADMIN) and visit.state == VisitState.DONE and bool(visit.issues),
    )
