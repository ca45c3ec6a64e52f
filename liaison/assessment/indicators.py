"""The indicators of the assessment, declared once as data: key, label, subject kind, unit, direction,
the rule turning the raw value into a 0–100 score (rules.py, its text printed on the method page) and
`compute(start, end) -> {subject id: raw value}` (sources.py).

A subject without data for an indicator (a rate with nothing counted) gets "no data" — neither 0 nor 100 —
and its total is the weighted mean over the indicators that have data: the weights are re-normalised.

Another app adds an indicator with `register_indicator(Indicator(...))` (from its AppConfig.ready() or
here); the method editor lists whatever is registered. The complaints app's figures plug in with
`register_complaints(liaison.complaints.figures.substantiated_complaints)`: three entries, one per kind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from liaison.assessment import sources
from liaison.assessment.models import SubjectKind
from liaison.assessment.rules import Penalty, Rate, Relative, Rule
from liaison.complaints.figures import substantiated_complaints

HIGHER = "higher"
LOWER = "lower"
DIRECTIONS = {HIGHER: _("越高越好"), LOWER: _("越低越好")}
PERCENT, COUNT, PROJECTS = _("%"), _("件"), _("个")

Compute = Callable[[dt.date, dt.date], dict[int, Decimal | int]]


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str | Promise
    kind: str  # SubjectKind
    unit: str | Promise
    direction: str
    rule: Rule
    compute: Compute
    default_weight: int = 0
    note: str | Promise = ""  # what is counted, printed on the method page

    @property
    def direction_label(self) -> str:
        return str(DIRECTIONS[self.direction])


REGISTRY: dict[str, Indicator] = {}


def register_indicator(indicator: Indicator) -> Indicator:
    """Add (or replace, for a re-run of ready()) an indicator; the method editor lists it from now on."""
    REGISTRY[indicator.key] = indicator
    return indicator


def indicator_get(key: str) -> Indicator | None:
    return REGISTRY.get(key)


def indicators_for(kind: str) -> list[Indicator]:
    """The registered indicators of one subject kind, in declaration order."""
    return [i for i in REGISTRY.values() if i.kind == kind]


def register_complaints(figures: Callable[..., dict[str, dict[int, int]]], *, per: int = 20) -> None:
    """Substantiated complaints (查实的投诉) per officer, guide and department, from a function
    `figures(start=, end=) -> {"officer": {id: n}, "guide": {...}, "department": {...}}`."""
    for kind in SubjectKind.values:

        def compute(start: dt.date, end: dt.date, kind: str = kind) -> dict[int, Decimal | int]:
            return dict(figures(start=start, end=end).get(kind, {}))

        register_indicator(
            Indicator(
                f"{kind}.complaints",
                _("查实投诉"),
                kind,
                COUNT,
                LOWER,
                Penalty(per),
                compute,
                10,
                _("考核期内调查属实的投诉件数"),
            )
        )


OFC, GDE, DPT = SubjectKind.OFFICER, SubjectKind.GUIDE, SubjectKind.DEPARTMENT

for _indicator in (
    Indicator(
        "officer.items_on_time",
        _("事项按时办结率"),
        OFC,
        PERCENT,
        HIGHER,
        Rate(),
        sources.items_on_time,
        25,
        _("考核期内作出决定的审批事项中，在承诺时限（含补正暂停）内办结的比例"),
    ),
    Indicator(
        "officer.relayed_on_time",
        _("答复按时转告率"),
        OFC,
        PERCENT,
        HIGHER,
        Rate(),
        sources.replies_relayed_on_time,
        15,
        format_lazy(
            _("考核期内首次答复的咨询中，联络官在 {n} 个工作日内转告项目单位的比例"), n=sources.RELAY_DAYS
        ),
    ),
    Indicator(
        "officer.satisfaction",
        _("满意率"),
        OFC,
        PERCENT,
        HIGHER,
        Rate(),
        sources.satisfaction("officer"),
        25,
        _("考核期内发出的服务评价中，非常满意、满意、基本满意的比例（与满意度统计一致）"),
    ),
    Indicator(
        "officer.bad_reviews",
        _("差评"),
        OFC,
        COUNT,
        LOWER,
        Penalty(10),
        sources.bad_reviews("officer"),
        15,
        _("考核期内计入统计的不满意、非常不满意评价件数（申诉成立的不计）"),
    ),
    Indicator(
        "officer.handovers_on_time",
        _("资料按期移交率"),
        OFC,
        PERCENT,
        HIGHER,
        Rate(),
        sources.handovers_on_time,
        10,
        _("考核期内项目单位确认接收的资料移交清单中，在办结期限设置的确认期限内确认的比例"),
    ),
    Indicator(
        "officer.load",
        _("服务项目数"),
        OFC,
        PROJECTS,
        HIGHER,
        Relative(),
        sources.projects_served,
        10,
        _("考核期内派任服务的项目个数"),
    ),
    Indicator(
        "guide.replies_on_time",
        _("按时答复率"),
        GDE,
        PERCENT,
        HIGHER,
        Rate(),
        sources.guide_replies_on_time,
        40,
        _("考核期内首次答复（意见回复表）在答复期限内作出的比例"),
    ),
    Indicator(
        "guide.supplements",
        _("补充告知"),
        GDE,
        COUNT,
        LOWER,
        Penalty(10),
        sources.guide_supplements,
        30,
        _("考核期内因首次告知不完整而作出的补充告知件数（一次性告知）"),
    ),
    Indicator(
        "guide.satisfaction",
        _("满意率"),
        GDE,
        PERCENT,
        HIGHER,
        Rate(),
        sources.satisfaction("guide"),
        30,
        _("考核期内事项评价中对指导员的评价为满意及以上的比例"),
    ),
    Indicator(
        "department.replies_on_time",
        _("按时答复率"),
        DPT,
        PERCENT,
        HIGHER,
        Rate(),
        sources.department_replies_on_time,
        40,
        _("本部门指导员的首次答复在答复期限内作出的比例"),
    ),
    Indicator(
        "department.supplements",
        _("补充告知"),
        DPT,
        COUNT,
        LOWER,
        Penalty(5),
        sources.department_supplements,
        30,
        _("本部门指导员的补充告知件数"),
    ),
    Indicator(
        "department.satisfaction",
        _("满意率"),
        DPT,
        PERCENT,
        HIGHER,
        Rate(),
        sources.satisfaction("department"),
        30,
        _("本部门事项评价的满意率"),
    ),
):
    register_indicator(_indicator)

register_complaints(substantiated_complaints)


def describe(indicator: Indicator) -> dict[str, Any]:
    """What the method page and the Word document print for one indicator."""
    return {
        "key": indicator.key,
        "label": str(indicator.label),
        "kind": str(SubjectKind(indicator.kind).label),
        "unit": str(indicator.unit),
        "direction": indicator.direction_label,
        "rule": str(indicator.rule.text()),
        "note": str(indicator.note),
    }
