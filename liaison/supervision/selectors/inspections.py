"""Reads of inspections: the list (by state, light, counted figure and window, keyword) with the
rectification's light, one inspection with what its reader may see and do, and the subjects to choose."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import F, QuerySet
from django.utils.translation import gettext as _

from liaison.core.errors import NotFound
from liaison.core.listing import keyword_filter
from liaison.core.workflow import Transition
from liaison.deadlines.lights import SEVERITY, Light, light_of
from liaison.directory.models import Department, User
from liaison.directory.roles import Role
from liaison.intake.models import Project
from liaison.officers.models import Officer
from liaison.supervision.figures import COUNTED, counted_filter
from liaison.supervision.lights import rectify_light_conditions, rectify_light_context, with_rectify_light
from liaison.supervision.models import Inspection, InspectionState, InspectionStep
from liaison.supervision.policies import inspection_roles, sees_findings, visible_inspections_filter
from liaison.supervision.workflows import INSPECTION_WORKFLOW

SEARCH_FIELDS = ("title", "project__name", "officer__user__full_name", "guide__full_name", "department__name")


def inspection_list(
    user: Any,
    *,
    state: str = "",
    light: str = "",
    counted: str = "",
    start: dt.date | None = None,
    end: dt.date | None = None,
    q: str = "",
) -> QuerySet[Inspection]:
    """The inspections `user` may see, filtered; `counted` + window: the rows a figure counts."""
    scope = visible_inspections_filter(user)
    qs: QuerySet[Inspection] = Inspection.objects.all() if scope is None else Inspection.objects.filter(scope)
    ctx = rectify_light_context()
    if state in InspectionState.values:
        qs = qs.filter(state=state)
    if light in SEVERITY and light in rectify_light_conditions(ctx):
        qs = qs.filter(rectify_light_conditions(ctx)[light])
    if counted in COUNTED:
        qs = qs.filter(counted_filter(counted, start, end))
    qs = keyword_filter(qs, q, SEARCH_FIELDS)
    return (
        with_rectify_light(qs, ctx)
        .select_related("project", "officer__user", "guide", "department")
        .order_by(F("rectify_due").asc(nulls_last=True), "-opened_on", "-id")
    )


@dataclass
class InspectionPanel:
    inspection: Inspection
    roles: frozenset[str]
    actions: list[Transition]
    steps: list[InspectionStep]
    light: str
    sees_findings: bool


def access_inspection(user: Any, pk: int) -> InspectionPanel:
    inspection = (
        Inspection.objects.select_related("project", "officer__user", "guide", "department", "opened_by")
        .filter(pk=pk)
        .first()
    )
    roles = inspection_roles(user, inspection) if inspection else frozenset()
    if inspection is None or not roles:
        raise NotFound(_("监督检查不存在或您无权查看。"))
    full = sees_findings(roles)
    steps = list(inspection.steps.select_related("actor"))
    if not full:  # the party reads the request and the report thread, never the findings
        steps = [s for s in steps if s.name != "open"]
    light = light_of(inspection.rectify_due, rectify_light_context())
    return InspectionPanel(
        inspection=inspection,
        roles=roles,
        actions=INSPECTION_WORKFLOW.available(inspection.state, roles),
        steps=steps,
        light=light if inspection.state == InspectionState.RECTIFYING else Light.NONE,
        sees_findings=full,
    )


@dataclass
class SubjectChoices:
    projects: list[Project]
    officers: list[Officer]
    guides: list[User]
    departments: list[Department]


def subject_choices() -> SubjectChoices:
    """The lists a supervisor chooses the inspected subject from (four queries)."""
    return SubjectChoices(
        projects=list(
            Project.objects.filter(service_number__isnull=False).only("id", "name").order_by("name")
        ),
        officers=list(Officer.objects.select_related("user").order_by("number")),
        guides=list(
            User.objects.filter(is_active=True, memberships__role=Role.GUIDE)
            .distinct()
            .select_related("department")
            .order_by("department__name", "full_name")
        ),
        departments=list(Department.objects.filter(is_active=True).order_by("sort_order", "code")),
    )
