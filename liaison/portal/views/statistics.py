"""The live statistics: the page (charts and tables), and the same figures as CSV and JSON."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from liaison.portal.cache import Cached, portal_cached
from liaison.portal.charts import bar_chart
from liaison.portal.exports import statistics_csv, statistics_json
from liaison.portal.statistics import SUPPRESS_BELOW, compute_statistics
from liaison.portal.statistics_data import statistics_inputs
from liaison.portal.views.common import public_page


def cached_statistics() -> Cached:
    """The published figures, computed once per language and cache period."""
    return portal_cached("statistics", lambda: compute_statistics(statistics_inputs()))


def _as_of_text(cached: Cached) -> str:
    return timezone.localtime(cached.as_of).isoformat(timespec="seconds")


@require_GET
def statistics_page(request: HttpRequest) -> HttpResponse:
    def build(stats: Cached) -> dict[str, object]:
        figures = stats.value
        return {
            "stats": figures,
            "threshold": SUPPRESS_BELOW,
            "month_served": bar_chart(figures.by_month, "served"),
            "month_approved": bar_chart(figures.by_month, "approved"),
            "stage_approved": bar_chart(figures.by_stage, "approved"),
            "as_of": stats.as_of,
        }

    return public_page(
        request,
        name="statistics",
        fragment="portal/fragments/statistics.html",
        source=cached_statistics,
        build=build,
        title=_("服务数据公开"),
        crumbs=[(_("数据公开"), "")],
    )


@require_GET
def statistics_csv_view(request: HttpRequest) -> HttpResponse:
    stats = cached_statistics()
    response = HttpResponse(
        statistics_csv(stats.value, _as_of_text(stats)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="liaison-statistics.csv"'
    return response


@require_GET
def statistics_json_view(request: HttpRequest) -> JsonResponse:
    stats = cached_statistics()
    return JsonResponse(
        statistics_json(stats.value, _as_of_text(stats)), json_dumps_params={"ensure_ascii": False}
    )
