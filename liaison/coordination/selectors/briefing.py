"""The briefing (通报) of a progress meeting (Art. 17): the state of service in figures, as plain JSON so
that the meeting keeps the figures it was shown, whatever happens afterwards."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Count
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from liaison.catalogue.stages import Stage
from liaison.coordination.models import Difficulty, DifficultyState
from liaison.deadlines.lights import LIGHT_LABELS, SEVERITY, Light
from liaison.tracking.selectors.dashboards import FINISHED, UNPLANNED, centre_overview

OFFICERS_LISTED = 20
STAGE_NAMES = {UNPLANNED: gettext_lazy("未编制方案"), FINISHED: gettext_lazy("事项均已结束")}


def briefing_snapshot() -> dict[str, Any]:
    """Projects by stage and light, items by light, overdue items by department, the officers with the
    most overdue items, difficulties by state: a fixed number of queries (the centre overview's, plus one).
    The labels are kept in the official language (Chinese), whatever language the preparer uses."""
    with translation.override(settings.LANGUAGE_CODE):
        return _snapshot()


def _snapshot() -> dict[str, Any]:
    overview = centre_overview()
    lights = [str(LIGHT_LABELS[light]) for light in SEVERITY]
    stages = [
        {
            "stage": str(Stage(stage).label) if stage in Stage.values else str(STAGE_NAMES[stage]),
            "counts": [counts.get(light, 0) for light in SEVERITY],
            "total": sum(counts.values()),
        }
        for stage, counts in overview.by_stage.items()
    ]
    officers = [
        {
            "name": load.officer.user.display_name,
            "number": load.officer.number,
            "projects": load.projects,
            "open_items": load.open_items,
            "red": load.lights.counts.get(Light.RED, 0),
            "yellow": load.lights.counts.get(Light.YELLOW, 0),
        }
        for load in overview.officers[:OFFICERS_LISTED]
    ]
    by_state = dict(Difficulty.objects.order_by().values_list("state").annotate(n=Count("pk")))
    return {
        "as_of": timezone.localtime().isoformat(timespec="minutes"),
        "lights": lights,
        "stages": stages,
        "projects": sum(row["total"] for row in stages),
        "items": [overview.items.counts.get(light, 0) for light in SEVERITY],
        "overdue_by_department": [[name, n] for name, n in overview.overdue_by_department],
        "officers": officers,
        "difficulties": [[str(s.label), by_state.get(s.value, 0)] for s in DifficultyState],
    }
