"""Sending deadline reminders exactly once: each crossing (yellow, red, every N working days overdue)
reaches each recipient once, however many workers run the job at the same moment.

The gate is the ReminderSent row, inserted in the same transaction as the notifications under a unique
constraint. The rows of a chunk of subjects go in with one INSERT … ON CONFLICT DO NOTHING, stamped with
this run's token; a second worker's insert of the same row waits for the first transaction and is then
skipped, so reading back the rows carrying our token says exactly whom this run told. The owning app
supplies the rows that are yellow or red today and, per crossing, who is told and what.

In-app there is one notification per crossing and recipient; by email each recipient gets ONE digest per
run listing their items, overdue (超期) first, then due soon (临期).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import transaction
from django.utils.translation import gettext as _

from liaison.core.faults import pause_point
from liaison.deadlines.models import ReminderSent, Threshold
from liaison.deadlines.schedule import Crossing, crossing
from liaison.deadlines.settings import deadline_settings
from liaison.notifications.services.notify import Notice, notifications_send_digest
from liaison.workcal.counters import LoadedCalendar

T = TypeVar("T")
CHUNK = 500  # subjects per set query and per INSERT of the sent-once log
RED, YELLOW = "red", "yellow"  # the digest's sections, in this order


@dataclass(frozen=True)
class Reminder:
    """What one crossing of one deadline tells whom (the owning app's wording). `label` names the
    deadline in the digest email (e.g. "项目 · 事项"); the title when empty."""

    recipients: Sequence[Any]
    message_kind: str
    event_key: str
    title: str
    body: str = ""
    url: str = ""
    label: str = ""


@dataclass
class ReminderTally:
    sent: int = 0  # crossings that reached somebody new
    recipients: int = 0  # notifications sent
    already_sent: int = 0  # crossings sent before, by an earlier run or another worker
    steps: list[str] = field(default_factory=list)  # the crossings sent, as "yellow" / "red" / "overdue2"
    digests: int = 0  # digest emails queued (one per recipient told)


def _recipients(people: Iterable[Any]) -> list[Any]:
    unique: dict[int, Any] = {}
    for person in people:
        if person is not None and person.is_active:
            unique.setdefault(person.pk, person)
    return list(unique.values())


def _line(reminder: Reminder, at: Crossing) -> str:
    what = reminder.label or reminder.title
    if at.threshold == Threshold.YELLOW:
        return _("%(what)s（%(due)s 到期）") % {"what": what, "due": at.due_on.isoformat()}
    if at.late_days is None:
        return _("%(what)s（%(due)s 到期，已超期）") % {"what": what, "due": at.due_on.isoformat()}
    return _("%(what)s（%(due)s 到期，已超期 %(late)s 个工作日）") % {
        "what": what,
        "due": at.due_on.isoformat(),
        "late": at.late_days,
    }


def digest_subject(counts: dict[str, int]) -> str:
    """The digest's subject line: 【联络官平台】您有 3 项超期、5 项临期事项."""
    red, yellow = counts.get(RED, 0), counts.get(YELLOW, 0)
    if red and yellow:
        return _("【联络官平台】您有 %(red)s 项超期、%(yellow)s 项临期事项") % {"red": red, "yellow": yellow}
    if red:
        return _("【联络官平台】您有 %(red)s 项超期事项") % {"red": red}
    return _("【联络官平台】您有 %(yellow)s 项临期事项") % {"yellow": yellow}


def digest_heading(section: str, count: int) -> str:
    if section == RED:
        return _("超期事项（%(n)s 项）：") % {"n": count}
    return _("临期事项（%(n)s 项）：") % {"n": count}


@dataclass
class _Run:
    kind: str
    today: dt.date
    repeat: int
    cal: LoadedCalendar
    token: str
    tally: ReminderTally
    notices: list[Notice] = field(default_factory=list)


def _send_chunk(
    run: _Run,
    chunk: Sequence[T],
    due_on: Callable[[T], dt.date],
    compose: Callable[[T, Crossing], Reminder],
    prepare: Callable[[Sequence[T]], None] | None,
) -> None:
    tally = run.tally
    sent = set(
        ReminderSent.objects.filter(kind=run.kind, subject_id__in=[getattr(s, "pk", 0) for s in chunk])
        .values_list("subject_id", "due_on", "threshold", "repeat_no")
        .distinct()
    )
    todo: list[tuple[T, Crossing]] = []
    for subject in chunk:
        at = crossing(due_on(subject), run.today, run.repeat, run.cal)
        if (getattr(subject, "pk", 0), at.due_on, at.threshold, at.repeat_no) in sent:
            tally.already_sent += 1
        else:
            todo.append((subject, at))
    if not todo:
        return
    if prepare is not None:
        prepare([subject for subject, _at in todo])
    planned: list[tuple[int, Crossing, Reminder, list[Any]]] = []
    rows: list[ReminderSent] = []
    for subject, at in todo:
        reminder = compose(subject, at)
        people = _recipients(reminder.recipients)
        if not people:
            tally.already_sent += 1
            continue
        pk = getattr(subject, "pk", 0)
        planned.append((pk, at, reminder, people))
        rows += [
            ReminderSent(
                kind=run.kind,
                subject_id=pk,
                due_on=at.due_on,
                threshold=at.threshold,
                repeat_no=at.repeat_no,
                recipient_id=person.pk,
                run=run.token,
            )
            for person in people
        ]
    if not rows:
        return
    ReminderSent.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
    ours = set(
        ReminderSent.objects.filter(
            kind=run.kind, subject_id__in=sorted({pk for pk, *_rest in planned}), run=run.token
        ).values_list("subject_id", "due_on", "threshold", "repeat_no", "recipient_id")
    )
    for pk, at, reminder, people in planned:
        told = [p for p in people if (pk, at.due_on, at.threshold, at.repeat_no, p.pk) in ours]
        if not told:
            tally.already_sent += 1  # another worker told them first
            continue
        tally.sent += 1
        tally.recipients += len(told)
        tally.steps.append(at.step)
        section = YELLOW if at.threshold == Threshold.YELLOW else RED
        line = _line(reminder, at)
        run.notices += [
            Notice(
                recipient_id=p.pk,
                kind=reminder.message_kind,
                event_key=reminder.event_key,
                title=reminder.title,
                body=reminder.body,
                url=reminder.url,
                section=section,
                line=line,
            )
            for p in told
        ]


def reminders_send(
    *,
    kind: str,
    subjects: Sequence[T],
    due_on: Callable[[T], dt.date],
    today: dt.date,
    compose: Callable[[T, Crossing], Reminder],
    repeat_days: int | None = None,
    prepare: Callable[[Sequence[T]], None] | None = None,
) -> ReminderTally:
    """Send the reminder of every subject's crossing today that has not been sent (`subjects`: the rows
    of `kind` that are yellow or red today, each with a `pk`), in one transaction: the sent-once log and
    the notifications written in bulk by chunks, one digest email per recipient.

    `prepare(subjects)`, when given, is called once per chunk with the subjects about to be composed, before
    `compose` is called on each: the place to load their recipients in a few queries, so that a run costs
    a number of queries independent of the number of subjects."""
    tally = ReminderTally()
    if not subjects:
        return tally
    run = _Run(
        kind=kind,
        today=today,
        repeat=repeat_days if repeat_days is not None else deadline_settings(kind).repeat_days,
        cal=LoadedCalendar(min(due_on(s) for s in subjects), today),
        token=uuid.uuid4().hex,
        tally=tally,
    )
    with transaction.atomic():
        for start in range(0, len(subjects), CHUNK):
            _send_chunk(run, subjects[start : start + CHUNK], due_on, compose, prepare)
        tally.digests = len(
            notifications_send_digest(
                notices=run.notices,
                digest_kind=f"digest.{kind}"[:60],
                sections=[RED, YELLOW],
                subject=digest_subject,
                heading=digest_heading,
            )
        )
        pause_point(f"reminders_send:{kind}")  # everything written, not yet committed (fault tests)
    return tally
