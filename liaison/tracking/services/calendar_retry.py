"""Dates the calendar could not give (a year not entered yet) are filled in once the centre enters the year."""

from __future__ import annotations

from django.db import transaction

from liaison.tracking.models import PLAN_STATES, ProjectItem, ServicePlan
from liaison.tracking.services.common import CLOCK_FIELDS, item_refresh
from liaison.tracking.services.plans import plan_recompute
from liaison.tracking.services.rollups import rollups_refresh
from liaison.workcal.calendar import missing_years


def calendar_problems_retry() -> int:
    """Recompute the items waiting for a year that is now covered; how many were recomputed."""
    waiting = ProjectItem.objects.filter(calendar_problem_year__isnull=False) | ProjectItem.objects.filter(
        plan_problem_year__isnull=False
    )
    years = sorted(
        {y for pair in waiting.values_list("calendar_problem_year", "plan_problem_year") for y in pair if y}
    )
    if not years:
        return 0
    still_missing = set(missing_years(years))
    ready = [y for y in years if y not in still_missing]
    if not ready:
        return 0
    items = list(
        (
            ProjectItem.objects.filter(calendar_problem_year__in=ready)
            | ProjectItem.objects.filter(plan_problem_year__in=ready)
        ).select_related("project")
    )
    for project_id in sorted({i.project_id for i in items if i.state in PLAN_STATES or i.plan_problem_year}):
        with transaction.atomic():
            plan = (
                ServicePlan.objects.select_for_update().select_related("project").get(project_id=project_id)
            )
            plan_recompute(plan)
    for item in items:
        if item.state not in PLAN_STATES:
            with transaction.atomic():
                item_refresh(item)
                item.save(update_fields=CLOCK_FIELDS)
                rollups_refresh([item.project_id])
    return len(items)
