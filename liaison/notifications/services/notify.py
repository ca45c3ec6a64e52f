"""Creating notifications inside the caller's transaction; email goes out after commit, one per
notification (`notification_send`) or one digest per recipient listing many (`notifications_send_digest`).
Both are delivered by the same worker task (`send_notification_email`); an enqueue lost to a crash after
the commit is made good by the recovery sweep (services/sweep.py)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from liaison.core.faults import pause_point
from liaison.notifications.links import link
from liaison.notifications.models import Notification
from liaison.notifications.tasks import email_enqueue

CHUNK = 1000  # rows per INSERT


def _enqueue_on_commit(ids: list[int]) -> None:
    if not ids:
        return

    def enqueue() -> None:
        pause_point("notifications:enqueue")  # committed, not yet queued: a fault test kills us here
        for pk in ids:
            email_enqueue(pk)

    transaction.on_commit(enqueue)


def notification_send(
    *,
    recipients: Iterable[Any],
    kind: str,
    event_key: str,
    title: str,
    body: str = "",
    url: str = "",
) -> list[Notification]:
    """Notify each recipient once per `event_key`; schedule the email copies on commit."""
    created: list[Notification] = []
    seen: set[int] = set()
    for user in recipients:
        if user is None or user.pk in seen:
            continue
        seen.add(user.pk)
        note, was_created = Notification.objects.get_or_create(
            recipient=user,
            event_key=event_key,
            defaults={"kind": kind, "title": str(title)[:200], "body": str(body), "url": url},
        )
        if was_created:
            created.append(note)
    _enqueue_on_commit([n.pk for n in created])
    return created


@dataclass(frozen=True)
class Notice:
    """One in-app notification to send inside a digest: `section` is the digest's heading it is listed
    under, `line` how the digest lists it (its title when empty)."""

    recipient_id: int
    kind: str
    event_key: str
    title: str
    section: str
    body: str = ""
    url: str = ""
    line: str = ""


def _digest_body(
    notices: Sequence[Notice], sections: Sequence[str], heading: Callable[[str, int], str]
) -> str:
    by_section: dict[str, list[Notice]] = {}
    for notice in notices:
        by_section.setdefault(notice.section, []).append(notice)
    order = [s for s in sections if s in by_section] + [s for s in by_section if s not in sections]
    parts: list[str] = []
    for section in order:
        rows = by_section[section]
        lines = [heading(section, len(rows))]
        for n, notice in enumerate(rows, 1):
            lines.append(f"{n}. {notice.line or notice.title}")
            if notice.url:
                lines.append(f"   {link(notice.url)}")
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def notifications_send_digest(
    *,
    notices: Sequence[Notice],
    digest_kind: str,
    sections: Sequence[str],
    subject: Callable[[dict[str, int]], str],
    heading: Callable[[str, int], str],
    url: str = "",
) -> list[int]:
    """Write every notice as an in-app notification (bulk, chunked; an event already notified to its
    recipient is skipped) and, per recipient, ONE email-only digest listing that recipient's notices by
    section in `sections` order; its subject is `subject(counts per section)`. The digests' emails are
    queued on commit. The ids of the digests."""
    if not notices:
        return []
    mine: dict[int, list[Notice]] = {}
    for notice in notices:
        mine.setdefault(notice.recipient_id, []).append(notice)
    run = uuid.uuid4().hex
    now = timezone.now()
    digests = [
        Notification(
            recipient_id=recipient_id,
            kind=digest_kind,
            event_key=f"{digest_kind}:{now:%Y%m%d}:{run}"[:120],
            title=str(subject(_counts(rows)))[:200],
            body=_digest_body(rows, sections, heading),
            url=url,
            in_app=False,
        )
        for recipient_id, rows in mine.items()
    ]
    made = Notification.objects.bulk_create(digests, batch_size=CHUNK)
    digest_of = {d.recipient_id: d.pk for d in made}
    if any(pk is None for pk in digest_of.values()):  # a backend that does not return ids: read them back
        digest_of = dict(
            Notification.objects.filter(event_key=digests[0].event_key).values_list("recipient_id", "pk")
        )
    items = [
        Notification(
            recipient_id=n.recipient_id,
            kind=n.kind,
            event_key=n.event_key,
            title=str(n.title)[:200],
            body=str(n.body),
            url=n.url,
            digest_id=digest_of[n.recipient_id],
        )
        for n in notices
    ]
    for start in range(0, len(items), CHUNK):
        Notification.objects.bulk_create(items[start : start + CHUNK], ignore_conflicts=True)
    ids = sorted(digest_of.values())
    _enqueue_on_commit(ids)
    return ids


def _counts(rows: Sequence[Notice]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.section] = counts.get(row.section, 0) + 1
    return counts


def notification_mark_read(*, user: Any, notification_ids: Iterable[int] | None = None) -> int:
    """Mark the user's notifications read (all unread ones when no ids are given)."""
    qs = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        qs = qs.filter(pk__in=list(notification_ids))
    return qs.update(read_at=timezone.now())
