"""What the benchmark consultations and difficulties are built from: the catalogue's guides and departments,
the centre's people and periods, the working-day deadlines, the numbering, and the facts of the projects
they are added to (read back from the database, so that the same code serves a fresh seed and
`seed_scale --extras-only` on a database seeded before)."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from liaison.catalogue.models import ApprovalItem, GuideAssignment
from liaison.consultations.models import Consultation
from liaison.consultations.settings_row import consultation_settings
from liaison.coordination.deadlines import coordination_settings
from liaison.coordination.models import Difficulty, DifficultySerial
from liaison.deadlines.calendar_policy import Deadline, deadline_after
from liaison.directory.models import User
from liaison.directory.roles import Role
from liaison.intake.models import Assignment, Project
from liaison.intake.models.assignment import AssignmentRole
from liaison.tracking.models import MaterialSubmission, ProjectItem
from liaison.tracking.models.item import OPEN_STATES
from liaison.workcal.counters import DayCounter, LoadedCalendar

# The window of days the seeded rows' deadlines fall in (projects registered up to two years back): the
# calendar is read once for it; days outside it fall back to the live calendar (same answers).
CALENDAR_BACK, CALENDAR_AHEAD = dt.timedelta(days=800), dt.timedelta(days=90)
WORK_START = dt.time(9, 0)
WORK_MINUTES = 8 * 60


@dataclass
class Guide:
    user_id: int
    name: str


@dataclass
class Catalogue:
    guides: dict[int, Guide]  # approval item -> its active guide
    names: dict[int, str]
    departments: dict[int, int]
    department_names: dict[int, str]
    limits: dict[int, int]


def _highest(counter: Counter[int], rows: Any) -> None:
    """Raise counter[year] to the highest serial of the numbers PREFIX-YYYY-NNNN in `rows` (numerically:
    the numbers' text order puts 9999 after 10000)."""
    for number in rows.values_list("number", flat=True):
        _prefix, year, seq = number.split("-", 2)
        if year.isdigit() and seq.isdigit():
            counter[int(year)] = max(counter[int(year)], int(seq))


@dataclass
class Numbers:
    """The next serials per year: consultations (ZX-YYYY-NNNN, as consultation_raise numbers them) and
    difficulties (NDWT-YYYY-NNNN, whose DifficultySerial rows are moved on to the last one used)."""

    consultations: Counter[int] = field(default_factory=Counter)
    difficulties: Counter[int] = field(default_factory=Counter)

    @classmethod
    def load(cls) -> Numbers:
        numbers = cls()
        _highest(numbers.consultations, Consultation.objects.filter(number__startswith="ZX-"))
        for serial_year, last in DifficultySerial.objects.values_list("year", "last"):
            numbers.difficulties[serial_year] = last
        _highest(numbers.difficulties, Difficulty.objects.filter(number__startswith="NDWT-"))
        return numbers

    def consultation(self, year: int) -> str:
        self.consultations[year] += 1
        return f"ZX-{year}-{self.consultations[year]:04d}"

    def difficulty(self, year: int) -> str:
        self.difficulties[year] += 1
        return f"NDWT-{year}-{self.difficulties[year]:04d}"

    def save_serials(self) -> None:
        """DifficultySerial.last = the last number given, so that difficulty_raise goes on from there."""
        DifficultySerial.objects.bulk_create(
            [DifficultySerial(year=y, last=n) for y, n in sorted(self.difficulties.items())],
            update_conflicts=True,
            unique_fields=["year"],
            update_fields=["last"],
        )


@dataclass
class ExtrasBase:
    catalogue: Catalogue
    admin_id: int
    leader_id: int | None  # the centre's leader approves escalations; without one, none are made
    office_id: int | None
    reply_days: int
    response_days: int
    feedback_days: int
    today: dt.date
    now: dt.datetime
    numbers: Numbers
    seed: int
    calendar: DayCounter
    _deadlines: dict[tuple[dt.date, int], Deadline] = field(default_factory=dict)

    def deadline(self, day: dt.date, days: int) -> Deadline:
        """`days` working days after `day` on the working-day calendar (None with the year if it lacks it)."""
        key = (day, days)
        if key not in self._deadlines:
            self._deadlines[key] = deadline_after(day, days, self.calendar)
        return self._deadlines[key]

    def rng(self, project_id: int) -> random.Random:
        """One generator per project: the same project gets the same rows on every run (idempotence)."""
        return random.Random(self.seed * 10_000_019 + project_id)  # noqa: S311 - benchmark data

    def at(self, rng: random.Random, day: dt.date, *, after: dt.datetime | None = None) -> dt.datetime:
        """A time in working hours on `day`, not before `after` (plus a few minutes) and not after now."""
        moment = timezone.make_aware(
            dt.datetime.combine(day, WORK_START) + dt.timedelta(minutes=rng.randint(0, WORK_MINUTES))
        )
        if after is not None:
            moment = max(moment, after + dt.timedelta(minutes=rng.randint(5, 90)))
        return min(moment, self.now)

    def later(self, rng: random.Random, moment: dt.datetime, low: int, high: int) -> dt.datetime:
        """A time `low`-`high` days after `moment` (never after now)."""
        day = timezone.localdate(moment) + dt.timedelta(days=rng.randint(low, high))
        return self.at(rng, min(day, self.today), after=moment)


def _user_of(role: str) -> int | None:
    return (
        User.objects.filter(memberships__role=role, is_active=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    ).first()


def extras_base(*, admin_id: int, seed: int, today: dt.date | None = None) -> ExtrasBase:
    guides = {
        item_id: Guide(user_id, name or username)
        for item_id, user_id, name, username in GuideAssignment.objects.filter(
            is_active=True, guide__is_active=True
        ).values_list("item_id", "guide_id", "guide__full_name", "guide__username")
    }
    names, departments, department_names, limits = {}, {}, {}, {}
    for pk, name, dept_id, dept_name, limit in ApprovalItem.objects.values_list(
        "pk", "name", "department_id", "department__name", "time_limit_days"
    ):
        names[pk], departments[pk], department_names[pk], limits[pk] = name, dept_id, dept_name, limit
    settings = coordination_settings()
    now = timezone.now()
    today = today or timezone.localdate(now)
    return ExtrasBase(
        catalogue=Catalogue(guides, names, departments, department_names, limits),
        admin_id=admin_id,
        leader_id=_user_of(Role.CENTER_LEADER),
        office_id=_user_of(Role.PROJECT_OFFICE),
        reply_days=consultation_settings().reply_days,
        response_days=settings.response_days,
        feedback_days=settings.feedback_days,
        today=today,
        now=now,
        numbers=Numbers.load(),
        seed=seed,
        calendar=LoadedCalendar(today - CALENDAR_BACK, today + CALENDAR_AHEAD),
    )


@dataclass
class ItemFacts:
    pk: int
    approval_item_id: int
    state: str

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


@dataclass
class ProjectFacts:
    pk: int
    registered: dt.datetime
    officer_id: int  # the user of the lead officer (or of any active officer)
    items: list[ItemFacts] = field(default_factory=list)

    @property
    def finished(self) -> bool:
        return not any(i.is_open for i in self.items)


def project_facts(project_ids: list[int], fallback: dt.datetime) -> list[ProjectFacts]:
    """The projects (service still running, with an active officer) and their items, in id order."""
    officers: dict[int, int] = {}
    for project_id, user_id, role in Assignment.objects.filter(
        project_id__in=project_ids, is_active=True
    ).values_list("project_id", "officer__user_id", "role"):
        if role == AssignmentRole.LEAD or project_id not in officers:
            officers[project_id] = user_id
    facts = {
        pk: ProjectFacts(pk, registered or fallback, officers[pk])
        for pk, registered in Project.objects.filter(
            pk__in=project_ids, service_ended_at__isnull=True
        ).values_list("pk", "registered_at")
        if pk in officers
    }
    for pk, project_id, approval_item_id, state in (
        ProjectItem.objects.filter(project_id__in=list(facts))
        .order_by("project_id", "order", "pk")
        .values_list("pk", "project_id", "approval_item_id", "state")
    ):
        facts[project_id].items.append(ItemFacts(pk, approval_item_id, state))
    return [facts[pk] for pk in sorted(facts)]


@dataclass
class Line:
    """One line of an item's materials checklist, as a reply lists it."""

    pk: int
    seq: int
    name: str
    form: str
    copies: int
    issuing_body: str
    required: bool


def checklists(item_ids: list[int]) -> dict[int, list[Line]]:
    lines: dict[int, list[Line]] = {}
    rows = (
        MaterialSubmission.objects.filter(project_item_id__in=item_ids)
        .order_by("project_item_id", "seq")
        .values_list("project_item_id", "pk", "seq", "name", "form", "copies", "issuing_body", "required")
    )
    for item_id, pk, seq, name, form, copies, issuing_body, required in rows:
        lines.setdefault(item_id, []).append(Line(pk, seq, name, form, copies, issuing_body, required))
    return lines
