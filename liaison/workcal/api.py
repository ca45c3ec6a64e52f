"""The working-day calendar over the API (/api/v1/calendar). Anyone signed in reads; center_admin writes."""

import datetime as dt
from typing import Annotated, Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from liaison.core.bounds import Year
from liaison.core.errors import DomainError
from liaison.core.paging import ApiPagination
from liaison.workcal.calendar import DayInfo, add_working_days, working_days_between
from liaison.workcal.models import CalendarOverride, CalendarYear, DayKind
from liaison.workcal.schedule_text import parse_schedule_text
from liaison.workcal.selectors.calendar import calendar_day_list, calendar_override_list, calendar_year_list
from liaison.workcal.services.overrides import (
    calendar_override_delete,
    calendar_override_set,
    calendar_year_import,
    calendar_year_publish,
)

router = Router(tags=["calendar"])
MAX_BETWEEN_DAYS = 3660


class DayOut(Schema):
    date: dt.date
    is_workday: bool | None
    kind: str
    name: str
    source: str
    source_label: str


class DueDateOut(Schema):
    date: dt.date
    n: int
    due_date: dt.date


class BetweenOut(Schema):
    start: dt.date
    end: dt.date
    working_days: int


class OverrideIn(Schema):
    date: dt.date
    kind: DayKind
    name: str = Field("", max_length=60)


class OverrideOut(Schema):
    date: dt.date
    kind: str
    kind_label: str
    name: str
    updated_by: str | None
    updated_at: dt.datetime

    @staticmethod
    def resolve_kind_label(obj: CalendarOverride) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_updated_by(obj: CalendarOverride) -> str | None:
        return str(obj.updated_by) if obj.updated_by else None


class DayIn(Schema):
    date: dt.date
    name: str = Field("", max_length=60)


class YearIn(Schema):
    year: int = Field(..., ge=2004, le=2099)
    notice: str = Field(..., max_length=200)
    holidays: list[DayIn] = []
    workdays: list[DayIn] = []
    text: str = Field("", description="The pasted schedule, one line per day: `2027-01-01 元旦 休`.")


class YearOut(Schema):
    year: int
    notice: str
    published_at: dt.datetime
    holidays: list[dt.date] = []
    workdays: list[dt.date] = []

    @staticmethod
    def resolve_holidays(obj: CalendarYear) -> list[dt.date]:
        qs = calendar_override_list(year=obj.year).filter(kind=DayKind.HOLIDAY)
        return [o.date for o in qs]

    @staticmethod
    def resolve_workdays(obj: CalendarYear) -> list[dt.date]:
        qs = calendar_override_list(year=obj.year).filter(kind=DayKind.WORKDAY)
        return [o.date for o in qs]


@router.get("/days", response=list[DayOut])
def days(
    request: HttpRequest,
    start: Annotated[dt.date, Query(..., alias="from")],
    end: Annotated[dt.date, Query(..., alias="to")],
) -> list[DayInfo]:
    """Each date in [from, to] (at most 366 days): working day or not, and which source decided it."""
    return calendar_day_list(start=start, end=end)


@router.get("/add-working-days", response=DueDateOut)
def add_days(
    request: HttpRequest, date: dt.date, n: Annotated[int, Query(..., ge=0, le=1000)]
) -> dict[str, Any]:
    """The n-th working day strictly after `date` (the starting day is not counted)."""
    return {"date": date, "n": n, "due_date": add_working_days(date, n)}


@router.get("/working-days-between", response=BetweenOut)
def between(request: HttpRequest, start: dt.date, end: dt.date) -> dict[str, Any]:
    """Working days in (start, end]; negative when end is before start."""
    if abs((end - start).days) > MAX_BETWEEN_DAYS:
        raise DomainError(_("两个日期相隔不能超过10年。"), field="end")
    return {"start": start, "end": end, "working_days": working_days_between(start, end)}


@router.get("/overrides", response=list[OverrideOut])
@paginate(ApiPagination)
def list_overrides(request: HttpRequest, year: Year | None = None) -> QuerySet[CalendarOverride]:
    """The centre's own entries, in date order (of one year, when given)."""
    return calendar_override_list(year=year)


@router.post("/overrides", response={200: OverrideOut})
def set_override(request: HttpRequest, payload: OverrideIn) -> CalendarOverride:
    """Declare a day a statutory rest day or a make-up working day (replaces an earlier entry)."""
    return calendar_override_set(actor=request.user, date=payload.date, kind=payload.kind, name=payload.name)


@router.delete("/overrides/{date}", response={204: None})
def delete_override(request: HttpRequest, date: dt.date) -> Status[None]:
    """Remove the centre's entry for a day; it falls back to the built-in calendar or the weekday rule."""
    calendar_override_delete(actor=request.user, date=date)
    return Status(204, None)


@router.get("/years", response=list[YearOut])
def list_years(request: HttpRequest) -> QuerySet[CalendarYear]:
    """The years the centre has entered (2004–2026 come with the built-in calendar)."""
    return calendar_year_list()


@router.post("/years", response=YearOut)
def enter_year(request: HttpRequest, payload: YearIn) -> CalendarYear:
    """Enter a year: from `holidays`/`workdays` or the pasted `text`; with neither, only mark it entered."""
    holidays = [(d.date, d.name) for d in payload.holidays]
    workdays = [(d.date, d.name) for d in payload.workdays]
    if payload.text.strip():
        parsed = parse_schedule_text(payload.text)
        holidays += parsed.holidays
        workdays += parsed.workdays
    if not holidays and not workdays:
        return calendar_year_publish(actor=request.user, year=payload.year, notice=payload.notice)
    return calendar_year_import(
        actor=request.user, year=payload.year, notice=payload.notice, holidays=holidays, workdays=workdays
    )
