"""Working-day arithmetic on China's official calendar.

Sources, in order: the centre's own overrides (CalendarOverride), then the chinese-calendar
package for the years it carries, then — for a year the centre has marked as entered
(CalendarYear) — the plain weekday rule. A date no source covers raises CalendarYearMissing.

Periods follow Civil Code Art. 201: the starting day is not counted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import chinese_calendar
from chinese_calendar.constants import Holiday
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from liaison.core.errors import DomainError
from liaison.core.request_memo import recall, remember, request_memo_active
from liaison.workcal.models import CalendarOverride, CalendarYear, DayKind

PACKAGE_YEARS = range(2004, 2027)  # chinese-calendar 1.11 covers 2004–2026
MAX_SPAN_DAYS = 3660


class CalendarYearMissing(DomainError):
    """No source covers this year: the centre must enter the State Council's schedule.

    A DomainError, so pages show its message and the API answers 400 with it.
    """

    def __init__(self, year: int) -> None:
        self.year = year
        super().__init__(
            _(
                "%(year)d年的节假日安排尚未录入工作日历，无法计算工作日。请中心管理员在“工作日历”中录入国务院办公厅通知。"
            )
            % {"year": year}
        )


class DaySource:
    """Where a day's status comes from."""

    OVERRIDE = "override"  # the centre's own table
    PACKAGE = "package"  # the chinese-calendar package
    ENTERED = "entered"  # a year the centre entered: weekday rule plus its overrides
    MISSING = "missing"  # no source: arithmetic over this day raises CalendarYearMissing


SOURCE_LABELS = {
    DaySource.OVERRIDE: gettext_lazy("中心录入"),
    DaySource.PACKAGE: gettext_lazy("内置日历（chinese-calendar）"),
    DaySource.ENTERED: gettext_lazy("按周历（年度已录入）"),
    DaySource.MISSING: gettext_lazy("未录入"),
}

_HOLIDAY_NAMES = {h.value: h.chinese for h in Holiday}


@dataclass(frozen=True)
class DayInfo:
    """One day as the calendar page and /api/v1/calendar/days show it.

    `kind`: "holiday" (statutory rest day), "makeup" (调休上班日: a weekend day that is worked),
    "weekend", "workday" or "unknown" (no source covers the year).
    """

    date: dt.date
    is_workday: bool | None
    kind: str
    name: str
    source: str

    @property
    def source_label(self) -> str:
        return str(SOURCE_LABELS[self.source])


def _package_covers(year: int) -> bool:
    return year in PACKAGE_YEARS


@dataclass
class WorkCalendar:
    """A calendar loaded for a range of years: one query per source, then pure arithmetic."""

    overrides: dict[dt.date, str]
    entered_years: frozenset[int]
    names: dict[dt.date, str] = field(default_factory=dict)

    @classmethod
    def load(cls, start: dt.date, end: dt.date) -> WorkCalendar:
        """The calendar for at least start..end. Within a GET request, whole years: each year is read once
        and shared by every light and counter of the page (the answers inside the window are the same)."""
        if not request_memo_active():
            return cls._load(start, end)
        years = range(start.year, end.year + 1)
        missing = [y for y in years if recall(("work_calendar_year", y)) is None]
        if missing:
            # Last, this and next year come along with the first read: a page whose rows reach across New
            # Year then reads the calendar once, whatever its rows' dates (its query count stays fixed).
            this_year = timezone.localdate().year
            missing = sorted({*missing, this_year - 1, this_year, this_year + 1})
            loaded = cls._load(dt.date(missing[0], 1, 1), dt.date(missing[-1], 12, 31))
            for y in range(missing[0], missing[-1] + 1):
                if recall(("work_calendar_year", y)) is None:
                    remember(("work_calendar_year", y), loaded.year(y))
        parts: list[WorkCalendar] = [recall(("work_calendar_year", y)) for y in years]
        if len(parts) == 1:
            return parts[0]
        return cls(
            overrides={d: k for part in parts for d, k in part.overrides.items()},
            entered_years=frozenset().union(*(part.entered_years for part in parts)),
            names={d: n for part in parts for d, n in part.names.items()},
        )

    def year(self, y: int) -> WorkCalendar:
        """The part of this calendar that falls in year `y`."""
        return WorkCalendar(
            overrides={d: k for d, k in self.overrides.items() if d.year == y},
            entered_years=self.entered_years & {y},
            names={d: n for d, n in self.names.items() if d.year == y},
        )

    @classmethod
    def _load(cls, start: dt.date, end: dt.date) -> WorkCalendar:
        rows = CalendarOverride.objects.filter(date__range=(start, end)).values_list("date", "kind", "name")
        overrides: dict[dt.date, str] = {}
        names: dict[dt.date, str] = {}
        for day, kind, name in rows:
            overrides[day] = kind
            names[day] = name
        years = frozenset(
            CalendarYear.objects.filter(year__range=(start.year, end.year)).values_list("year", flat=True)
        )
        return cls(overrides=overrides, entered_years=years, names=names)

    def covers(self, year: int) -> bool:
        return _package_covers(year) or year in self.entered_years

    def is_workday(self, day: dt.date) -> bool:
        kind = self.overrides.get(day)
        if kind is not None:
            return kind == DayKind.WORKDAY
        if _package_covers(day.year):
            return bool(chinese_calendar.is_workday(day))
        if day.year in self.entered_years:
            return day.weekday() < 5
        raise CalendarYearMissing(day.year)

    def day_info(self, day: dt.date) -> DayInfo:
        """The day's status, its holiday name and the source that decided it (never raises)."""
        weekend = day.weekday() >= 5
        kind = self.overrides.get(day)
        if kind is not None:
            workday = kind == DayKind.WORKDAY
            shown = ("makeup" if weekend else "workday") if workday else "holiday"
            return DayInfo(day, workday, shown, self.names.get(day, ""), DaySource.OVERRIDE)
        if _package_covers(day.year):
            workday = bool(chinese_calendar.is_workday(day))
            _is_holiday, english = chinese_calendar.get_holiday_detail(day)
            name = _HOLIDAY_NAMES.get(english, english or "") if english else ""
            return DayInfo(day, workday, _package_kind(workday, weekend, bool(name)), name, DaySource.PACKAGE)
        if day.year in self.entered_years:
            return DayInfo(day, not weekend, "weekend" if weekend else "workday", "", DaySource.ENTERED)
        return DayInfo(day, None, "unknown", "", DaySource.MISSING)


def _package_kind(workday: bool, weekend: bool, named: bool) -> str:
    if workday:
        return "makeup" if weekend else "workday"
    return "holiday" if named or not weekend else "weekend"


def _calendar_for(start: dt.date, end: dt.date) -> WorkCalendar:
    return WorkCalendar.load(start, end)


def is_workday(day: dt.date) -> bool:
    """Whether `day` is an official working day."""
    return _calendar_for(day, day).is_workday(day)


def add_working_days(start: dt.date, n: int) -> dt.date:
    """The n-th working day strictly after `start` (n ≥ 1); n = 0 returns `start`."""
    if n < 0:
        raise ValueError("n must not be negative")
    if n == 0:
        return start
    # A generous window: n working days never need more than ~2n + 20 calendar days.
    window_end = start + dt.timedelta(days=min(n * 2 + 30, MAX_SPAN_DAYS))
    cal = _calendar_for(start, window_end)
    day = start
    remaining = n
    while remaining:
        day += dt.timedelta(days=1)
        if day > window_end:
            window_end = day + dt.timedelta(days=min(remaining * 2 + 30, MAX_SPAN_DAYS))
            cal = _calendar_for(day, window_end)
        if cal.is_workday(day):
            remaining -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days in (start, end]: the start day is not counted. Negative when end < start."""
    if end == start:
        return 0
    if end < start:
        return -working_days_between(end, start)
    cal = _calendar_for(start, end)
    count = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        if cal.is_workday(day):
            count += 1
    return count


def calendar_days(start: dt.date, end: dt.date) -> list[DayInfo]:
    """Every day in [start, end] with its status and source (two queries)."""
    cal = _calendar_for(start, end)
    return [cal.day_info(start + dt.timedelta(days=i)) for i in range((end - start).days + 1)]


def missing_years(years: list[int]) -> list[int]:
    """Which of `years` no source covers."""
    entered = set(CalendarYear.objects.filter(year__in=years).values_list("year", flat=True))
    return [y for y in years if not _package_covers(y) and y not in entered]


def next_year_warning(today: dt.date) -> int | None:
    """From 1 November, the next year if its calendar is still missing."""
    if today.month < 11:
        return None
    nxt = today.year + 1
    return nxt if missing_years([nxt]) else None
