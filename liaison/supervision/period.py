"""The desk's period filter: this month (default), this quarter, or custom dates. A bad date is not
refused with a 500: the desk says so in Chinese and shows this month."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.utils import timezone
from django.utils.translation import gettext as _

KINDS = ("month", "quarter", "custom")


@dataclass(frozen=True)
class Period:
    kind: str
    start: dt.date
    end: dt.date
    error: str = ""

    def query(self, **extra: Any) -> str:
        """The window as list parameters (`start`, `end`) plus `extra`."""
        return urlencode({**extra, "start": self.start.isoformat(), "end": self.end.isoformat()})


def _month(today: dt.date) -> tuple[dt.date, dt.date]:
    start = today.replace(day=1)
    nxt = (start + dt.timedelta(days=32)).replace(day=1)
    return start, nxt - dt.timedelta(days=1)


def _quarter(today: dt.date) -> tuple[dt.date, dt.date]:
    first = (today.month - 1) // 3 * 3 + 1
    start = today.replace(month=first, day=1)
    end_month = first + 2
    nxt = dt.date(today.year + (end_month == 12), end_month % 12 + 1, 1)
    return start, nxt - dt.timedelta(days=1)


def parse_date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value or "").strip()[:10])
    except ValueError:
        return None


def period_from(params: Any, today: dt.date | None = None) -> Period:
    today = today or timezone.localdate()
    kind = params.get("period", "month")
    if kind == "quarter":
        return Period("quarter", *_quarter(today))
    if kind == "custom":
        start, end = parse_date(params.get("start")), parse_date(params.get("end"))
        if start is None or end is None:
            return Period("month", *_month(today), error=_("请填写有效的起止日期（如 2026-11-01）。"))
        if start > end:
            return Period("month", *_month(today), error=_("开始日期不能晚于结束日期。"))
        return Period("custom", start, end)
    return Period("month", *_month(today))


def window_from(params: Any) -> tuple[dt.date | None, dt.date | None]:
    """A list's `start`/`end` (either may be absent; a bad one is ignored, as a filter, not a change)."""
    return parse_date(params.get("start")), parse_date(params.get("end"))
