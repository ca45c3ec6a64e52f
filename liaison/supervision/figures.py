"""Inspection figures, defined once: the desk, its lists, the API and the portal read them from here.
Counts only — never the subject or the findings — so the portal may publish them.

- opened: inspections opened (opened_on) in the window;
- rectification_required: inspections whose rectification was required (rectification_required_on) in it;
- closed: inspections closed (closed_on) in it;
- by_month: the same three per calendar month of their own dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth

from liaison.supervision.models import Inspection

# Each figure: the date that puts an inspection in a window.
COUNTED = {
    "opened": "opened_on",
    "rectification_required": "rectification_required_on",
    "closed": "closed_on",
}


def counted_filter(counted: str, start: dt.date | None = None, end: dt.date | None = None) -> Q:
    """The inspections figure `counted` counts in the window (the lists filter by the same condition)."""
    field = COUNTED[counted]
    q = Q(**{f"{field}__isnull": False})
    if start:
        q &= Q(**{f"{field}__gte": start})
    if end:
        q &= Q(**{f"{field}__lte": end})
    return q


def inspection_counts(*, start: dt.date | None = None, end: dt.date | None = None) -> dict[str, Any]:
    """{"opened": n, "rectification_required": n, "closed": n, "by_month": [{"month": "2026-11", …}]}."""
    qs: QuerySet[Inspection] = Inspection.objects.all()
    out: dict[str, Any] = dict(
        qs.aggregate(**{k: Count("id", filter=counted_filter(k, start, end)) for k in COUNTED})
    )
    months: dict[str, dict[str, Any]] = {}
    for key, field in COUNTED.items():
        rows = (
            qs.filter(counted_filter(key, start, end))
            .annotate(month=TruncMonth(field))
            .values("month")
            .annotate(n=Count("id"))
            .order_by()
        )
        for r in rows:
            label = r["month"].strftime("%Y-%m")
            months.setdefault(label, {"month": label, **dict.fromkeys(COUNTED, 0)})[key] = r["n"]
    out["by_month"] = [months[k] for k in sorted(months)]
    return out
