"""Sending deadline reminders exactly once: each crossing (yellow, red, every N working days overdue)
reaches each recipient once, however many workers run the job at the same moment.

The gate is the ReminderSent row, inserted in the same transaction as the notifications under a unique
constraint: a second worker's insert waits for the first transaction and then fails, so it sends nothing.
The owning app supplies the rows that are yellow or red today and, per crossing, who is told and what.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import IntegrityError, transaction

from liaison.deadlines.models import ReminderSent
from liaison.deadlines.schedule import Crossing, crossing
from liaison.deadlines.settings import deadline_settings
from liaison.notifications.services.notify import notification_send
from liaison.workcal.counters import LoadedCalendar

T = TypeVar("T")


@dataclass(frozen=True)
class Reminder:
    """What one crossing of one deadline tells whom (the owning app's wording)."""

    recipients: Sequence[Any]
    message_kind: str
    event_key: str
    title: str
    body: str = ""
    url: str = ""


@dataclass
class ReminderTally:
    sent: int = 0  # crossings that reached somebody new
    recipients: int = 0  # notifications sent
    already_sent: int = 0  # crossings sent before, by an earlier run or another worker
    steps: list[str] = field(default_factory=list)  # the crossings sent, as "yellow" / "red" / "overdue2"


def _recipients(people: Iterable[Any]) -> list[Any]:
    unique: dict[int, Any] = {}
    for person in people:
        if person is not None and person.is_active:
            unique.setdefault(person.pk, person)
    return list(unique.values())


def reminder_send_once(
    *, kind: str, subject_id: int, due_on: dt.date, at: Crossing, reminder: Reminder
) -> list[Any]:
    """Record and notify this crossing for each recipient not told before; the recipients told now."""
    people = _recipients(reminder.recipients)
    if not people:
        return []

    def row(person: Any) -> ReminderSent:
        return ReminderSent(
            kind=kind,
            subject_id=subject_id,
            due_on=due_on,
            threshold=at.threshold,
            repeat_no=at.repeat_no,
            recipient=person,
        )

    with transaction.atomic():
        try:
            with transaction.atomic():
                ReminderSent.objects.bulk_create([row(p) for p in people])
            new = people
        except IntegrityError:  # somebody was told already: find out who, one by one
            new = []
            for person in people:
                try:
                    with transaction.atomic():
                        row(person).save()
                    new.append(person)
                except IntegrityError:
                    continue
        if new:
            notification_send(
                recipients=new,
                kind=reminder.message_kind,
                event_key=reminder.event_key,
                title=reminder.title,
                body=reminder.body,
                url=reminder.url,
            )
    return new


def reminders_send(
    *,
    kind: str,
    subjects: Sequence[T],
    due_on: Callable[[T], dt.date],
    today: dt.date,
    compose: Callable[[T, Crossing], Reminder],
    repeat_days: int | None = None,
) -> ReminderTally:
    """Send the reminder of every subject's crossing today that has not been sent (`subjects`: the rows
    of `kind` that are yellow or red today, each with a `pk`)."""
    tally = ReminderTally()
    if not subjects:
        return tally
    repeat = repeat_days if repeat_days is not None else deadline_settings(kind).repeat_days
    cal = LoadedCalendar(min(due_on(s) for s in subjects), today)
    sent = set(
        ReminderSent.objects.filter(kind=kind, subject_id__in=[getattr(s, "pk", 0) for s in subjects])
        .values_list("subject_id", "due_on", "threshold", "repeat_no")
        .distinct()
    )
    for subject in subjects:
        pk, due = getattr(subject, "pk", 0), due_on(subject)
        at = crossing(due, today, repeat, cal)
        if (pk, due, at.threshold, at.repeat_no) in sent:
            tally.already_sent += 1
            continue
        told = reminder_send_once(kind=kind, subject_id=pk, due_on=due, at=at, reminder=compose(subject, at))
        if told:
            tally.sent += 1
            tally.recipients += len(told)
            tally.steps.append(at.step)
        else:
            tally.already_sent += 1
    return tally
