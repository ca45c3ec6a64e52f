"""The public statistics (GB/T 39734-2020 公开评价指标 in spirit), computed from counts gathered by
`statistics_data.py`, with the small-cell rule applied before anything leaves this module.

Suppression (documented on the page and in docs/architecture.md): a count of 1 or 2 (SUPPRESS_BELOW = 3)
could point at one enterprise, so it is shown as "<3" and published as null. A figure derived from such
counts is withheld too: an average or a rate over fewer than 3 projects, items or evaluations; and where
the parts of a shown total would give a withheld part away by subtraction, the next smallest part of the
same total is withheld as well (complementary suppression)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

SUPPRESS_BELOW = 3
SUPPRESSED_TEXT = f"<{SUPPRESS_BELOW}"


@dataclass(frozen=True)
class Cell:
    """One published figure: its value, or None when withheld (then `text` is "<3" or "—")."""

    value: int | Decimal | None
    text: str
    suppressed: bool = False

    def as_json(self) -> dict[str, Any]:
        value = float(self.value) if isinstance(self.value, Decimal) else self.value
        return {"value": value, "display": self.text, "suppressed": self.suppressed}


def count_cell(n: int) -> Cell:
    if 0 < n < SUPPRESS_BELOW:
        return Cell(None, SUPPRESSED_TEXT, True)
    return Cell(n, str(n))


def withheld() -> Cell:
    return Cell(None, SUPPRESSED_TEXT, True)


def derived_cell(value: Decimal | None, base: int, suffix: str = "") -> Cell:
    """A rate or average over `base` rows: withheld when the base itself would be withheld."""
    if value is None or base == 0:
        return Cell(None, "—")
    if base < SUPPRESS_BELOW:
        return withheld()
    return Cell(value, f"{value}{suffix}")


def suppress_parts(parts: list[int], total_shown: bool) -> list[Cell]:
    """The parts of one total: small ones withheld; if exactly one is withheld and the total is shown,
    the smallest other non-zero part is withheld too, so subtraction gives nothing away."""
    cells = [count_cell(n) for n in parts]
    hidden = [i for i, c in enumerate(cells) if c.suppressed]
    if total_shown and len(hidden) == 1:
        others = sorted((n, i) for i, n in enumerate(parts) if i not in hidden and n > 0)
        if others:
            cells[others[0][1]] = withheld()
    return cells


def _stage_average(values: list[int], count: Cell) -> Cell:
    """A stage's average, withheld whenever the stage's count is (complementary suppression included)."""
    if count.suppressed:
        return withheld() if values else Cell(None, "—")
    return derived_cell(average(values), len(values))


def average(values: list[int]) -> Decimal | None:
    if not values:
        return None
    return (Decimal(sum(values)) / Decimal(len(values))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class ItemTimes:
    """Working days an approved item took (acceptance to decision, 补正 pauses excluded) and its promise."""

    stage: str
    actual: int
    promised: int


@dataclass
class StatisticsInputs:
    """Raw counts, before any suppression (statistics_data.statistics_inputs fills them)."""

    served: int = 0
    in_service: int = 0
    completed: int = 0
    terminated: int = 0
    items_approved: int = 0
    item_times: list[ItemTimes] = field(default_factory=list)
    stages: list[tuple[str, str]] = field(default_factory=list)  # (value, label) in order
    approved_by_stage: dict[str, int] = field(default_factory=dict)
    months: list[dt.date] = field(default_factory=list)
    served_by_month: dict[dt.date, int] = field(default_factory=dict)
    approved_by_month: dict[dt.date, int] = field(default_factory=dict)
    evaluations: int = 0
    satisfaction_rate: Decimal | None = None
    bad_reviews: int = 0
    rectifications: int = 0
    rectified_on_time: int = 0
    returned: int = 0
    complaints: dict[str, int] | None = None  # the coordinator's slot: complaints received / concluded


@dataclass
class Statistics:
    totals: dict[str, Cell]
    by_stage: list[dict[str, Any]]
    by_month: list[dict[str, Any]]
    satisfaction: dict[str, Cell]
    complaints: dict[str, Cell] | None


def compute_statistics(data: StatisticsInputs) -> Statistics:
    """Every published figure, with the suppression rule applied."""
    served_shown = not count_cell(data.served).suppressed
    in_service, completed, terminated = suppress_parts(
        [data.in_service, data.completed, data.terminated], served_shown
    )
    times = data.item_times
    totals = {
        "served": count_cell(data.served),
        "in_service": in_service,
        "completed": completed,
        "terminated": terminated,
        "items_approved": count_cell(data.items_approved),
        "average_days": derived_cell(average([t.actual for t in times]), len(times)),
        "average_promised_days": derived_cell(average([t.promised for t in times]), len(times)),
    }
    approved_shown = not totals["items_approved"].suppressed
    stage_cells = suppress_parts([data.approved_by_stage.get(s, 0) for s, _l in data.stages], approved_shown)
    by_stage = []
    for (stage, label), cell in zip(data.stages, stage_cells, strict=True):
        rows = [t for t in times if t.stage == stage]
        by_stage.append(
            {
                "key": stage,
                "label": label,
                "approved": cell,
                "average_days": _stage_average([t.actual for t in rows], cell),
                "average_promised_days": _stage_average([t.promised for t in rows], cell),
            }
        )
    served_months = suppress_parts([data.served_by_month.get(m, 0) for m in data.months], served_shown)
    approved_months = suppress_parts([data.approved_by_month.get(m, 0) for m in data.months], approved_shown)
    by_month = [
        {"key": m.strftime("%Y-%m"), "label": m.strftime("%Y-%m"), "served": s, "approved": a}
        for m, s, a in zip(data.months, served_months, approved_months, strict=True)
    ]
    bad = count_cell(data.bad_reviews)
    satisfaction = {
        "evaluations": count_cell(data.evaluations),
        "satisfaction_rate": derived_cell(data.satisfaction_rate, data.evaluations, "%"),
        "bad_reviews": bad,
        "rectifications": count_cell(data.rectifications) if not bad.suppressed else withheld(),
        "rectified_on_time": count_cell(data.rectified_on_time) if not bad.suppressed else withheld(),
        "returned": count_cell(data.returned) if not bad.suppressed else withheld(),
    }
    complaints = None
    if data.complaints is not None:
        complaints = {k: count_cell(int(v)) for k, v in data.complaints.items()}
    return Statistics(totals, by_stage, by_month, satisfaction, complaints)
