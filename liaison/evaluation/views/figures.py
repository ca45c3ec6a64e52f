"""满意度统计: the satisfaction figures by officer, guide, department or month, with charts and Excel."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.core.xlsx import XLSX_CONTENT_TYPE, table_workbook
from liaison.directory.http import AuthedHttpRequest
from liaison.evaluation.figures import DIMENSIONS, FigureRow, satisfaction_figures, survey_averages
from liaison.evaluation.models import Level
from liaison.evaluation.policies import can_read_figures


def _window(request: AuthedHttpRequest) -> tuple[dt.date | None, dt.date | None]:
    def parse(name: str) -> dt.date | None:
        try:
            return dt.date.fromisoformat(request.GET.get(name, ""))
        except ValueError:
            return None

    return parse("since"), parse("until")


def _pct(value: Any) -> str:
    return "—" if value is None else f"{value}%"


def _headers() -> list[str]:
    return [
        _("分组"),
        _("评价邀请"),
        _("已评价"),
        _("评价率"),
        *[str(label) for _v, label in sorted(Level.choices, reverse=True)],
        _("满意率"),
        _("差评"),
        _("按时核实"),
        _("按时整改"),
        _("已回访"),
    ]


def _cells(row: FigureRow) -> list[Any]:
    return [
        row.label,
        row.invitations,
        row.evaluated,
        _pct(row.evaluated_rate),
        *row.level_counts(),
        _pct(row.satisfaction_rate),
        row.bad_reviews,
        row.verified_on_time,
        row.rectified_on_time,
        row.returned,
    ]


@login_required
def figures_page(request: AuthedHttpRequest) -> HttpResponse:
    if not can_read_figures(request.user):
        raise Http404
    dimension = request.GET.get("by", "officer")
    dimension = dimension if dimension in DIMENSIONS else "officer"
    since, until = _window(request)
    rows = satisfaction_figures(dimension, since=since, until=until)
    total = satisfaction_figures("all", since=since, until=until)[0]
    if request.GET.get("format") == "xlsx":
        headers = _headers()
        stamp = timezone.localdate().isoformat()
        window = f"{since or '—'} ~ {until or '—'}"
        content = table_workbook(
            sheet=str(_("满意度统计")),
            title=str(_("满意度统计（按%(d)s）") % {"d": DIMENSIONS[dimension]}),
            subtitle=str(_("评价邀请日期：%(w)s　导出日期：%(t)s") % {"w": window, "t": stamp}),
            headers=headers,
            rows=[_cells(r) for r in [*rows, total]],
            widths=[28] + [10] * (len(headers) - 1),
        )
        response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="satisfaction-{dimension}-{stamp}.xlsx"'
        return response
    context = {
        "rows": rows,
        "total": total,
        "dimension": dimension,
        "dimensions": list(DIMENSIONS.items()),
        "since": since,
        "until": until,
        "headers": _headers(),
        "table": [_cells(r) for r in rows],
        "total_cells": _cells(total),
        "survey": survey_averages(since=since, until=until),
        "chart": {
            "labels": [r.label for r in rows[:30]],
            "rates": [
                float(r.satisfaction_rate) if r.satisfaction_rate is not None else None for r in rows[:30]
            ],
            "bad": [r.bad_reviews for r in rows[:30]],
            "rate_label": _("满意率（%）"),
            "bad_label": _("差评数"),
        },
    }
    return render(request, "evaluation/figures.html", context)
