"""The centre's overview: projects by stage and light, overdue items by department, officers' load."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from liaison.catalogue.stages import Stage
from liaison.core.paging import paginate, querystring_without_page
from liaison.intake.policies import READ_ALL_ROLES
from liaison.tracking.lights import LIGHT_LABELS, SEVERITY
from liaison.tracking.selectors.dashboards import FINISHED, UNPLANNED, CentreOverview, centre_overview
from liaison.tracking.views.common import actor_of

STAGE_LABELS = {
    **{s.value: s.label for s in Stage},
    UNPLANNED: gettext_lazy("未制定方案"),
    FINISHED: gettext_lazy("已全部办结"),
}
OFFICERS_PER_PAGE = 50
LIGHT_COLOURS = {
    "red": "#d63939",
    "yellow": "#e0a800",
    "unknown": "#6c757d",
    "green": "#2e9d4f",
    "paused": "#0d6efd",
    "none": "#ced4da",
}


def chart_data(overview: CentreOverview) -> dict[str, Any]:
    stages = list(overview.by_stage)
    return {
        "stages": [str(STAGE_LABELS.get(s, s)) for s in stages],
        "series": [
            {
                "name": str(LIGHT_LABELS[light]),
                "colour": LIGHT_COLOURS[light],
                "values": [overview.by_stage[s].get(light, 0) for s in stages],
            }
            for light in SEVERITY
        ],
        "departments": [name or "—" for name, _n in overview.overdue_by_department],
        "overdue": [n for _name, n in overview.overdue_by_department],
    }


@login_required
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    if not actor_of(request).has_role(*READ_ALL_ROLES):
        raise Http404(_("页面不存在。"))
    data = centre_overview(officers_lazy=True)  # the paginator reads only the page's 50 officers
    items = [(str(LIGHT_LABELS[light]), light, data.items.counts.get(light, 0)) for light in SEVERITY]
    officers = paginate(request, data.officers, per_page=OFFICERS_PER_PAGE)
    context = {
        "overview": data,
        "data": chart_data(data),
        "items": items,
        "page_obj": officers,
        "filter_query": querystring_without_page(request),
    }
    return render(request, "tracking/overview.html", context)
