"""The satisfaction figures, defined once (GB/T 39734-2020 in spirit); the figures page, its Excel export,
the API, the officer's record, and later the portal and the assessment read them from here.

- evaluations: evaluations counted (an upheld appeal takes one out; a bad review refused on appeal stays);
- satisfaction rate = (非常满意 + 满意 + 基本满意) / evaluations counted (None when there are none);
- evaluated rate = invitations with at least one evaluation / invitations (an invitation never evaluated
  stays 未评价, never counted as satisfied);
- bad reviews = counted evaluations at 不满意 or 非常不满意, and of their follow-ups: verified on time
  (verified_on <= verify_due), rectified on time (reported_on <= rectify_due), returned (the centre went
  back to the evaluator and closed it).

By officer and month the level is the evaluation's; by department the level of an item's evaluation; by
guide the evaluation's rating of the guide (guide_level)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Avg, Count, F, Q
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from liaison.evaluation.models import (
    BAD_LEVELS,
    SATISFIED_LEVELS,
    Evaluation,
    FollowUpState,
    Invitation,
    Level,
    SubjectKind,
    SurveyAnswer,
)

DIMENSIONS = {
    "officer": _("联络官"),
    "guide": _("指导员"),
    "department": _("部门"),
    "month": _("月份"),
}
# For each dimension: the invitation's field that groups, and the evaluation's level that counts.
_GROUP = {
    "officer": "officer_id",
    "guide": "guide_id",
    "department": "department_id",
    "month": "month",
    "all": None,
}
_LEVEL_FIELD = {"guide": "guide_level"}


def rate(part: int, whole: int) -> Decimal | None:
    """part / whole as a percentage with one decimal (None for an empty whole)."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class FigureRow:
    key: Any
    label: str = ""
    invitations: int = 0
    evaluated: int = 0
    levels: dict[int, int] = field(default_factory=dict)
    bad_reviews: int = 0
    verified_on_time: int = 0
    rectified_on_time: int = 0
    returned: int = 0
    rectifications: int = 0

    @property
    def evaluations(self) -> int:
        return sum(self.levels.values())

    @property
    def satisfied(self) -> int:
        return sum(n for level, n in self.levels.items() if level in SATISFIED_LEVELS)

    @property
    def satisfaction_rate(self) -> Decimal | None:
        return rate(self.satisfied, self.evaluations)

    @property
    def evaluated_rate(self) -> Decimal | None:
        return rate(self.evaluated, self.invitations)

    @property
    def verified_on_time_rate(self) -> Decimal | None:
        return rate(self.verified_on_time, self.bad_reviews)

    @property
    def rectified_on_time_rate(self) -> Decimal | None:
        return rate(self.rectified_on_time, self.rectifications)

    @property
    def returned_rate(self) -> Decimal | None:
        return rate(self.returned, self.rectifications)

    def level_counts(self) -> list[int]:
        return [self.levels.get(level, 0) for level in sorted(Level.values, reverse=True)]


def _window(qs: Any, field_name: str, since: dt.date | None, until: dt.date | None) -> Any:
    if since:
        qs = qs.filter(**{f"{field_name}__gte": since})
    if until:
        qs = qs.filter(**{f"{field_name}__lte": until})
    return qs


def _grouped(qs: Any, by: list[str], **aggregates: Any) -> list[dict[str, Any]]:
    """Aggregates per group of `by`; with no group, one row for the whole set."""
    if by:
        return list(qs.values(*by).annotate(**aggregates).order_by())
    return [qs.aggregate(**aggregates)]


def satisfaction_figures(
    dimension: str = "all", *, since: dt.date | None = None, until: dt.date | None = None, key: Any = None
) -> list[FigureRow]:
    """One row per group of `dimension` ("all" gives one row), within the window of invitation dates;
    `key` narrows to one group (e.g. one officer's id)."""
    group = _GROUP[dimension]
    level_field = _LEVEL_FIELD.get(dimension, "level")
    invitations = _window(Invitation.objects.all(), "opened_on", since, until)
    if dimension in ("department", "guide"):
        invitations = invitations.filter(kind=SubjectKind.ITEM)
    elif dimension == "officer":
        invitations = invitations.filter(kind=SubjectKind.SERVICE)
    if dimension == "month":
        invitations = invitations.annotate(month=TruncMonth("opened_on"))
    if group and group != "month":
        invitations = invitations.exclude(**{f"{group}__isnull": True})
    if key is not None and group:
        invitations = invitations.filter(**{group: key})
    by = [group] if group else []
    rows: dict[Any, FigureRow] = {}

    def row(k: Any) -> FigureRow:
        return rows.setdefault(k, FigureRow(key=k))

    for r in _grouped(invitations, by, n=Count("id"), done=Count("id", filter=Q(evaluated_at__isnull=False))):
        target = row(r.get(group) if group else "all")
        target.invitations, target.evaluated = r["n"], r["done"]

    counted = Evaluation.objects.filter(excluded=False, invitation__in=invitations.values("pk"))
    counted = counted.exclude(**{f"{level_field}__isnull": True})
    prefix = "invitation__"
    ev_group = f"{prefix}{group}" if group and group != "month" else None
    if group == "month":
        counted = counted.annotate(month=TruncMonth("invitation__opened_on"))
        ev_group = "month"
    ev_by = [ev_group] if ev_group else []
    for r in counted.values(*ev_by, level_field).annotate(n=Count("id")).order_by():
        row(r.get(ev_group) if ev_group else "all").levels[r[level_field]] = r["n"]

    bad = counted.filter(**{f"{level_field}__in": sorted(BAD_LEVELS)})
    for r in _grouped(
        bad,
        ev_by,
        n=Count("id"),
        verified=Count(
            "id",
            filter=Q(
                follow_up__verified_on__isnull=False,
                follow_up__verified_on__lte=F("follow_up__verify_due"),
            ),
        ),
        rectifications=Count("id", filter=Q(follow_up__rectify_due__isnull=False)),
        rectified=Count(
            "id",
            filter=Q(
                follow_up__reported_on__isnull=False,
                follow_up__reported_on__lte=F("follow_up__rectify_due"),
            ),
        ),
        returned=Count(
            "id", filter=Q(follow_up__state=FollowUpState.CLOSED, follow_up__returned_on__isnull=False)
        ),
    ):
        target = row(r.get(ev_group) if ev_group else "all")
        target.bad_reviews, target.verified_on_time = r["n"], r["verified"]
        target.rectifications, target.rectified_on_time, target.returned = (
            r["rectifications"],
            r["rectified"],
            r["returned"],
        )
    _label(dimension, rows)
    if dimension == "all" and not rows:
        rows["all"] = FigureRow(key="all")
    return sorted(rows.values(), key=lambda r: r.label if dimension != "month" else str(r.key))


def _label(dimension: str, rows: dict[Any, FigureRow]) -> None:
    from liaison.directory.models import Department, User  # noqa: PLC0415
    from liaison.officers.models import Officer  # noqa: PLC0415

    ids = [k for k in rows if k is not None]
    names: dict[Any, str]
    if dimension == "officer":
        names = {
            o.pk: f"{o.user.full_name or o.user.username}（{o.number}）"
            for o in Officer.objects.filter(pk__in=ids).select_related("user")
        }
    elif dimension == "guide":
        names = {u.pk: u.full_name or u.username for u in User.objects.filter(pk__in=ids)}
    elif dimension == "department":
        names = dict(Department.objects.filter(pk__in=ids).values_list("pk", "name"))
    elif dimension == "month":
        names = {k: k.strftime("%Y-%m") for k in ids}
    else:
        names = {"all": str(_("全部"))}
    for k, r in rows.items():
        r.label = names.get(k, str(_("未指定")))


@dataclass
class QuestionAverage:
    question: str
    target: str
    answers: int
    average: Decimal | None


def survey_averages(*, since: dt.date | None = None, until: dt.date | None = None) -> list[QuestionAverage]:
    qs = _window(SurveyAnswer.objects.all(), "visit__visited_on", since, until)
    out = []
    for r in (
        qs.values("question__text", "question__target", "question__order")
        .annotate(n=Count("id"), avg=Avg("score"))
        .order_by("question__order")
    ):
        avg = (
            Decimal(str(r["avg"])).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            if r["avg"] is not None
            else None
        )
        out.append(QuestionAverage(r["question__text"], r["question__target"], r["n"], avg))
    return out
