"""The supervision desk (监督台, Art. 22–23): what the other apps already count, read through their own
rules (tracking's lights, consultations' reply lights, evaluation's figures, closure's service states)
and this app's inspection figures. Each figure carries the URL of the list of the rows it counts.

The sections are declared once, as data (DESK_SECTIONS). The complaints section is added there after the
complaints app is merged — see COMPLAINTS_SECTION_PLACE below."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from liaison.closure.models import ServiceState
from liaison.closure.selectors.lists import WAITING_FILTER, service_counts, service_list
from liaison.consultations.lights import reply_light_conditions, reply_light_context
from liaison.consultations.models import Consultation
from liaison.deadlines.lights import Light
from liaison.evaluation.figures import satisfaction_figures
from liaison.evaluation.models import OPEN_FOLLOW_UP_STATES, FollowUp
from liaison.supervision.figures import inspection_counts
from liaison.supervision.lights import rectify_light_conditions, rectify_light_context
from liaison.supervision.models import Inspection
from liaison.supervision.period import Period
from liaison.tracking.lights import light_context
from liaison.tracking.selectors.dashboards import items_and_overdue_departments
from liaison.tracking.selectors.officer_loads import overdue_by_officer


@dataclass
class Figure:
    key: str
    label: str | Promise
    count: int
    url: str = ""  # the list of exactly the rows counted
    note: str | Promise = ""


@dataclass
class TableRow:
    label: str
    url: str
    values: list[Any]


@dataclass
class Table:
    key: str
    title: str | Promise
    columns: list[str | Promise]
    rows: list[TableRow]  # the first TABLE_ROWS, most first
    total: int | None = None  # how many there are (None: as many as `rows` before they are cut)
    more_url: str = ""  # where all of them are listed

    def __post_init__(self) -> None:
        if self.total is None:
            self.total = len(self.rows)
        self.rows = self.rows[:TABLE_ROWS]


TABLE_ROWS = 20  # a table on the desk shows the worst 20 (1,000 officers would be a page of their own)


@dataclass
class Section:
    key: str
    title: str | Promise
    current: bool  # a snapshot of today (lights) rather than a count within the period
    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str | Promise
    current: bool
    build: Callable[[Any, Period, Section], None]


def _subject_url(kind: str, pk: Any) -> str:
    return reverse("supervision:subject", args=[kind, pk]) if pk else ""


def _items(user: Any, period: Period, section: Section) -> None:
    """Project items by tracking's own lights (today): overdue, due soon, paused for a supplement; the
    overdue ones by department and by officer. Read from tracking's tallies, as the centre overview is:
    a few small queries whatever the number of items."""
    ctx = light_context()
    lights, departments = items_and_overdue_departments(ctx)
    officers, officers_total = overdue_by_officer(ctx, limit=TABLE_ROWS)
    counts = lights.counts
    url = reverse("tracking:items")
    section.figures = [
        Figure("items_red", _("超期事项"), counts[Light.RED], f"{url}?light=red"),
        Figure("items_yellow", _("临期事项"), counts[Light.YELLOW], f"{url}?light=yellow"),
        Figure("items_paused", _("补正中事项（已发补正通知）"), counts[Light.PAUSED], f"{url}?light=paused"),
    ]
    section.tables = [
        Table(
            "items_by_department",
            _("超期事项（按部门）"),
            [_("超期事项")],
            [TableRow(name, _subject_url("department", dept), [n]) for dept, name, n in departments],
        ),
        Table(
            "items_by_officer",
            _("超期事项（按联络官）"),
            [_("超期事项")],
            [
                TableRow(
                    f"{officer.user.full_name}（{officer.number}）", _subject_url("officer", officer.pk), [n]
                )
                for officer, n in officers
            ],
            total=officers_total,
            more_url=reverse("tracking:overview") + "#officers",
        ),
    ]


def _replies(user: Any, period: Period, section: Section) -> None:
    """Consultations by their reply light (today), by department and by guide."""
    conds = reply_light_conditions(reply_light_context())
    counts = Consultation.objects.aggregate(
        red=Count("id", filter=conds[Light.RED]), yellow=Count("id", filter=conds[Light.YELLOW])
    )
    url = reverse("consultations:list")
    section.figures = [
        Figure("replies_red", _("答复超期的咨询"), counts["red"], f"{url}?light=red"),
        Figure("replies_yellow", _("答复临期的咨询"), counts["yellow"], f"{url}?light=yellow"),
    ]
    red = Consultation.objects.filter(conds[Light.RED])
    by_dept = (
        red.values("approval_item__department_id", "approval_item__department__name")
        .annotate(n=Count("id"))
        .order_by("-n", "approval_item__department__name")
    )
    by_guide = (
        red.exclude(guide__isnull=True)
        .values("guide_id", "guide__full_name", "guide__username")
        .annotate(n=Count("id"))
        .order_by("-n", "guide__full_name")
    )
    guides = list(by_guide)
    section.tables = [
        Table(
            "replies_by_department",
            _("答复超期（按部门）"),
            [_("答复超期")],
            [
                TableRow(
                    r["approval_item__department__name"],
                    f"{url}?light=red&department={r['approval_item__department_id']}",
                    [r["n"]],
                )
                for r in by_dept
            ],
        ),
        Table(
            "replies_by_guide",
            _("答复超期（按指导员）"),
            [_("答复超期")],
            [
                TableRow(
                    r["guide__full_name"] or r["guide__username"],
                    _subject_url("guide", r["guide_id"]),
                    [r["n"]],
                )
                for r in guides[:TABLE_ROWS]
            ],
            total=len(guides),
            more_url=f"{url}?light=red",
        ),
    ]


def _reviews(user: Any, period: Period, section: Section) -> None:
    """Bad reviews within the period by evaluation's own figures, and the follow-ups open today."""
    total = satisfaction_figures("all", since=period.start, until=period.end)[0]
    section.figures = [
        Figure(
            "bad_reviews",
            _("差评"),
            total.bad_reviews,
            reverse("supervision:bad_reviews") + "?" + period.query(),
            _("其中按期核实 %(v)d，按期整改 %(r)d，已回访办结 %(c)d")
            % {"v": total.verified_on_time, "r": total.rectified_on_time, "c": total.returned},
        ),
        Figure(
            "follow_ups_open",
            _("处理中的差评（当前）"),
            FollowUp.objects.filter(state__in=sorted(OPEN_FOLLOW_UP_STATES)).count(),
            reverse("evaluation:follow_ups") + "?open=1",
        ),
    ]
    for dimension, title in (
        ("department", _("差评（按部门）")),
        ("officer", _("差评（按联络官）")),
        ("guide", _("差评（按指导员）")),
    ):
        rows = satisfaction_figures(dimension, since=period.start, until=period.end)
        section.tables.append(
            Table(
                f"reviews_by_{dimension}",
                title,
                [_("差评"), _("按期整改"), _("已回访办结")],
                [
                    TableRow(
                        r.label,
                        _subject_url(dimension, r.key),
                        [r.bad_reviews, r.rectified_on_time, r.returned],
                    )
                    for r in rows
                    if r.bad_reviews
                ],
            )
        )


def _closure(user: Any, period: Period, section: Section) -> None:
    """The services' ends waiting today (closure's own states and lights): the enterprise's receipt of the
    handover, the centre's confirmation."""
    counts = service_counts(user, in_service=False)
    waiting = service_list(user, state=WAITING_FILTER)
    prepared = service_list(user, state=ServiceState.COMPLETION_PREPARED)
    url = reverse("closure:list")
    section.figures = [
        Figure(
            "handover_receipt",
            _("移交待项目单位签收"),
            counts[ServiceState.COMPLETION_PREPARED],
            f"{url}?state={ServiceState.COMPLETION_PREPARED}",
            _("其中超期 %(n)d") % {"n": sum(r.light == Light.RED for r in prepared)},
        ),
        Figure(
            "handover_confirm",
            _("待中心确认办结/终止"),
            len(waiting),
            f"{url}?state={WAITING_FILTER}",
            _("其中超期 %(n)d") % {"n": sum(r.light == Light.RED for r in waiting)},
        ),
    ]


def _inspections(user: Any, period: Period, section: Section) -> None:
    counts = inspection_counts(start=period.start, end=period.end)
    url = reverse("supervision:inspections")
    overdue = Inspection.objects.filter(rectify_light_conditions(rectify_light_context())[Light.RED]).count()
    section.figures = [
        Figure(
            "inspections_opened", _("开展检查"), counts["opened"], f"{url}?{period.query(counted='opened')}"
        ),
        Figure(
            "inspections_required",
            _("要求整改"),
            counts["rectification_required"],
            f"{url}?{period.query(counted='rectification_required')}",
        ),
        Figure(
            "inspections_closed", _("已办结"), counts["closed"], f"{url}?{period.query(counted='closed')}"
        ),
        Figure("inspections_overdue", _("整改超期（当前）"), overdue, f"{url}?light=red"),
    ]


# COMPLAINTS_SECTION_PLACE — after merging liaison.complaints, add one entry to DESK_SECTIONS:
#     SectionSpec("complaints", _("投诉"), False, _complaints),
# with
#     def _complaints(user, period, section):
#         from liaison.complaints.figures import complaint_counts
#         counts = complaint_counts(start=period.start, end=period.end)
#         section.figures = [Figure(key, label, n, url) for …]
DESK_SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec("items", _("审批事项办理"), True, _items),
    SectionSpec("replies", _("咨询答复"), True, _replies),
    SectionSpec("reviews", _("差评及整改"), False, _reviews),
    SectionSpec("closure", _("移交与办结"), True, _closure),
    SectionSpec("inspections", _("监督检查"), False, _inspections),
)


def desk_sections(user: Any, period: Period) -> list[Section]:
    out = []
    for spec in DESK_SECTIONS:
        section = Section(spec.key, spec.title, spec.current)
        spec.build(user, period, section)
        out.append(section)
    return out


def figure_counts(sections: list[Section]) -> dict[str, int]:
    """Every figure's count by key (the API, and tests comparing the desk with the lists)."""
    return {f.key: f.count for s in sections for f in s.figures}
