"""The plain-text schedule the centre pastes from the State Council notice, one line per day.

    2027-01-01 元旦 休
    2027-02-07 春节调休 班
    2027-10-01~2027-10-07 国庆节 休      (a range of days; "至" works too)

The kind is the last word: 休 / 假 / 休息 for a rest day, 班 / 上班 for a make-up working day.
The name in between is optional. Blank lines and lines starting with # are ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from liaison.core.errors import DomainError
from liaison.workcal.models import DayKind

KIND_WORDS = {
    "休": DayKind.HOLIDAY,
    "假": DayKind.HOLIDAY,
    "休息": DayKind.HOLIDAY,
    "放假": DayKind.HOLIDAY,
    "holiday": DayKind.HOLIDAY,
    "班": DayKind.WORKDAY,
    "上班": DayKind.WORKDAY,
    "workday": DayKind.WORKDAY,
}
DATE_RE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
RANGE_SPLIT = re.compile(r"~|～|至|—|--")
MAX_RANGE_DAYS = 31


@dataclass
class ParsedSchedule:
    holidays: list[tuple[dt.date, str]] = field(default_factory=list)
    workdays: list[tuple[dt.date, str]] = field(default_factory=list)


def _parse_date(text: str) -> dt.date:
    match = DATE_RE.match(text)
    if not match:
        raise ValueError(_("日期“%(t)s”格式不正确，应为 YYYY-MM-DD。") % {"t": text})
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise ValueError(_("日期“%(t)s”不存在。") % {"t": text}) from None


def _parse_days(text: str) -> list[dt.date]:
    parts = [p for p in RANGE_SPLIT.split(text) if p]
    if len(parts) == 1:
        return [_parse_date(parts[0])]
    if len(parts) != 2:
        raise ValueError(_("日期范围“%(t)s”格式不正确，应为“开始日期~结束日期”。") % {"t": text})
    start, end = _parse_date(parts[0]), _parse_date(parts[1])
    if end < start:
        raise ValueError(_("日期范围“%(t)s”的结束日期早于开始日期。") % {"t": text})
    if (end - start).days >= MAX_RANGE_DAYS:
        raise ValueError(_("日期范围“%(t)s”超过%(n)d天。") % {"t": text, "n": MAX_RANGE_DAYS})
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def _parse_line(line: str) -> tuple[list[dt.date], str, str]:
    words = line.split()
    if len(words) < 2:
        raise ValueError(_("每行应为“日期 名称 休/班”，例如“2027-01-01 元旦 休”。"))
    kind = KIND_WORDS.get(words[-1].lower())
    if kind is None:
        raise ValueError(_("最后一项应为“休”或“班”，当前为“%(w)s”。") % {"w": words[-1]})
    name = " ".join(words[1:-1])
    if len(name) > 60:
        raise ValueError(_("名称不能超过60个字符。"))
    return _parse_days(words[0]), name, kind


def parse_schedule_text(text: str) -> ParsedSchedule:
    """Parse the pasted lines; every bad line is reported with its number in one DomainError."""
    parsed = ParsedSchedule()
    errors: list[str] = []
    for number, raw in enumerate((text or "").splitlines(), start=1):
        line = raw.replace("\u3000", " ").strip()
        if not line or line.startswith("#"):
            continue
        try:
            days, name, kind = _parse_line(line)
        except ValueError as exc:
            errors.append(_("第%(n)d行：%(msg)s") % {"n": number, "msg": exc})
            continue
        target = parsed.holidays if kind == DayKind.HOLIDAY else parsed.workdays
        target.extend((day, name) for day in days)
    if errors:
        raise DomainError("；".join(errors), field="text", details=errors)
    if not parsed.holidays and not parsed.workdays:
        raise DomainError(_("没有读到任何日期，请按“2027-01-01 元旦 休”的格式每行填写一天。"), field="text")
    return parsed
