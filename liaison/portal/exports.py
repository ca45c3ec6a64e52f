"""The statistics as open data (CSV and JSON): the same published (suppressed) figures as the page."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from liaison.portal.statistics import SUPPRESS_BELOW, Cell, Statistics

TOTAL_LABELS = {
    "served": _l("服务项目数"),
    "in_service": _l("服务中"),
    "completed": _l("已办结"),
    "terminated": _l("已终止"),
    "items_approved": _l("已办结审批事项"),
    "average_days": _l("平均实际办理工作日"),
    "average_promised_days": _l("平均承诺工作日"),
}
SATISFACTION_LABELS = {
    "evaluations": _l("评价数"),
    "satisfaction_rate": _l("满意率"),
    "bad_reviews": _l("差评数"),
    "rectifications": _l("交办整改"),
    "rectified_on_time": _l("按时整改"),
    "returned": _l("整改已回访办结"),
}
COMPLAINT_LABELS = {"received": _l("收到投诉"), "concluded": _l("已办结投诉")}


def statistics_rows(stats: Statistics) -> list[dict[str, Any]]:
    """One row per published figure: section, group, measure, its label, display text and value."""
    rows: list[dict[str, Any]] = []

    def add(section: str, group: str, measure: str, label: str, cell: Cell) -> None:
        rows.append(
            {
                "section": section,
                "group": group,
                "measure": measure,
                "label": label,
                "display": cell.text,
                "value": cell.as_json()["value"],
                "suppressed": cell.suppressed,
            }
        )

    for key, cell in stats.totals.items():
        add("totals", "", key, str(TOTAL_LABELS[key]), cell)
    for row in stats.by_stage:
        for key in ("approved", "average_days", "average_promised_days"):
            add("by_stage", row["key"], key, row["label"], row[key])
    for row in stats.by_month:
        for key in ("served", "approved"):
            add("by_month", row["key"], key, row["label"], row[key])
    for key, cell in stats.satisfaction.items():
        add("satisfaction", "", key, str(SATISFACTION_LABELS[key]), cell)
    for key, cell in (stats.complaints or {}).items():
        add("complaints", "", key, str(COMPLAINT_LABELS.get(key, key)), cell)
    return rows


def statistics_csv(stats: Statistics, as_of: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["section", "group", "measure", "label", "display", "value", "suppressed", "as_of"])
    for r in statistics_rows(stats):
        writer.writerow(
            [
                r["section"],
                r["group"],
                r["measure"],
                r["label"],
                r["display"],
                "" if r["value"] is None else r["value"],
                "1" if r["suppressed"] else "0",
                as_of,
            ]
        )
    return "\ufeff" + out.getvalue()  # the BOM lets Excel read the Chinese labels


def statistics_json(stats: Statistics, as_of: str) -> dict[str, Any]:
    return {
        "as_of": as_of,
        "suppression": {
            "threshold": SUPPRESS_BELOW,
            "rule": _(
                "1–2 个的计数显示为“<3”并发布为 null；由其推算的平均数、比率以及可由合计相减得出的数同样不予公布。"
            ),
        },
        "rows": statistics_rows(stats),
    }
