"""The complaint figures other apps read (the portal, the centre's transfer view, assessment): numbers only,
never what a complaint says or who lodged it."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from liaison.complaints.models import (
    SUBSTANTIATED_FINDINGS,
    BusinessState,
    Complaint,
    IntegrityState,
    SubjectKind,
    Track,
)

# A business complaint is concluded once replied (the later steps are the complainant's rating and the
# review); an integrity complaint once the supervisors conclude it.
CONCLUDED = {
    Track.BUSINESS: [
        BusinessState.REPLIED,
        BusinessState.CLOSED,
        BusinessState.REVIEWING,
        BusinessState.REVIEWED,
    ],
    Track.INTEGRITY: [IntegrityState.CONCLUDED],
}


def _bounds(start: dt.date | None, end: dt.date | None, field: str) -> Q:
    q = Q()
    tz = timezone.get_current_timezone()
    if start is not None:
        q &= Q(**{f"{field}__gte": dt.datetime.combine(start, dt.time.min, tzinfo=tz)})
    if end is not None:
        q &= Q(**{f"{field}__lt": dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz)})
    return q


def _concluded(track: str) -> Q:
    return Q(track=track, state__in=CONCLUDED[track], concluded_at__isnull=False)  # type: ignore[index]


def track_totals(track: str) -> dict[str, int]:
    """Received and concluded on one track, all time, in one query (the centre's line under its list)."""
    row = Complaint.objects.filter(track=track).aggregate(
        received=Count("id"), concluded=Count("id", filter=_concluded(track))
    )
    return {"received": row["received"] or 0, "concluded": row["concluded"] or 0}


def complaint_counts(*, start: dt.date | None = None, end: dt.date | None = None) -> dict[str, Any]:
    """Received and concluded per track (received by the day it came in, concluded by the day it was
    concluded, both within [start, end]), and per month over both tracks."""
    received_q, concluded_q = _bounds(start, end, "received_at"), _bounds(start, end, "concluded_at")
    out: dict[str, Any] = {}
    for track in (Track.BUSINESS, Track.INTEGRITY):
        out[str(track)] = {
            "received": Complaint.objects.filter(received_q, track=track).count(),
            "concluded": Complaint.objects.filter(concluded_q, _concluded(track)).count(),
        }
    months: dict[str, dict[str, int]] = defaultdict(lambda: {"received": 0, "concluded": 0})
    for row in (
        Complaint.objects.filter(received_q)
        .annotate(m=TruncMonth("received_at"))
        .values("m")
        .annotate(n=Count("id"))
    ):
        months[f"{row['m']:%Y-%m}"]["received"] += row["n"]
    done = _concluded(Track.BUSINESS) | _concluded(Track.INTEGRITY)
    for row in (
        Complaint.objects.filter(concluded_q, done)
        .annotate(m=TruncMonth("concluded_at"))
        .values("m")
        .annotate(n=Count("id"))
    ):
        months[f"{row['m']:%Y-%m}"]["concluded"] += row["n"]
    out["by_month"] = [{"month": m, **months[m]} for m in sorted(months)]
    return out


def substantiated_complaints(*, start: dt.date, end: dt.date) -> dict[str, dict[int, int]]:
    """Complaints concluded in [start, end] and found substantiated or partly so, per subject: officer ids
    (officers.Officer), guide ids (the guide's user id, as catalogue.GuideAssignment.guide), department
    ids (directory.Department). Both tracks count; the integrity track only as these numbers."""
    out: dict[str, dict[int, int]] = {"officer": {}, "guide": {}, "department": {}}
    rows = (
        Complaint.objects.filter(
            _bounds(start, end, "concluded_at"),
            _concluded(Track.BUSINESS) | _concluded(Track.INTEGRITY),
            finding__in=list(SUBSTANTIATED_FINDINGS),
        )
        .values("subject_kind", "officer_id", "guide_id", "department_id")
        .annotate(n=Count("id"))
    )
    for row in rows:
        values: dict[str, Any] = dict(row)
        kind = str(values["subject_kind"])
        key = {
            str(SubjectKind.OFFICER): "officer_id",
            str(SubjectKind.GUIDE): "guide_id",
            str(SubjectKind.DEPARTMENT): "department_id",
        }.get(kind)
        if key is None or values[key] is None:
            continue
        bucket = out[kind]
        bucket[values[key]] = bucket.get(values[key], 0) + values["n"]
    return out
