"""Progress meetings (Art. 17): the centre prepares one (the briefing's figures and the difficulties
gathered as topics), may refresh it until it is held, and records the minutes and the meeting's opinion
on each topic."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record, snapshot
from liaison.coordination.models import (
    OPEN_STATES,
    Difficulty,
    Meeting,
    MeetingSerial,
    MeetingState,
    MeetingTopic,
)
from liaison.coordination.policies import can_manage_meetings
from liaison.coordination.selectors.briefing import briefing_snapshot
from liaison.coordination.services.serials import next_serial
from liaison.core.errors import DomainError, PermissionDenied
from liaison.tracking.services.common import clean_text

TOPIC_STATES = sorted(OPEN_STATES)  # every difficulty still being worked on
FIELDS = ["title", "held_on", "place", "chair", "attendees", "state"]


def _check(actor: Any) -> None:
    if not can_manage_meetings(actor):
        raise PermissionDenied(_("只有政务服务中心工作人员可以筹备和记录例会。"))


def _gather(meeting: Meeting) -> int:
    """Add the difficulties still being worked on as topics (those already on the agenda stay)."""
    present = set(meeting.topics.values_list("difficulty_id", flat=True))
    new = [
        MeetingTopic(meeting=meeting, difficulty_id=pk, state_then=state)
        for pk, state in Difficulty.objects.filter(state__in=TOPIC_STATES)
        .order_by("raised_at", "pk")
        .values_list("pk", "state")
        if pk not in present
    ]
    MeetingTopic.objects.bulk_create(new)
    return len(new)


def meeting_prepare(
    *, actor: Any, held_on: dt.date, title: str = "", place: str = "", chair: str = "", attendees: str = ""
) -> Meeting:
    """Prepare a meeting: its briefing is taken now, the difficulties being worked on become its topics."""
    _check(actor)
    if not isinstance(held_on, dt.date):
        raise DomainError(_("请填写会议日期。"), field="held_on")
    title = clean_text(title, field="title", label=_("会议名称"), required=False, limit=120)
    place = clean_text(place, field="place", label=_("地点"), required=False, limit=120)
    chair = clean_text(chair, field="chair", label=_("主持人"), required=False, limit=60)
    attendees = clean_text(attendees, field="attendees", label=_("参会人员"), required=False)
    with transaction.atomic():
        if not title:
            n = next_serial(MeetingSerial, held_on.year)
            title = _("%(y)d年第%(n)d次服务项目推进工作例会") % {"y": held_on.year, "n": n}
        meeting = Meeting.objects.create(
            title=title,
            held_on=held_on,
            place=place,
            chair=chair,
            attendees=attendees,
            created_by=actor,
            briefing=briefing_snapshot(),
            briefing_at=timezone.now(),
        )
        topics = _gather(meeting)
        audit_record(
            actor=actor,
            action="meeting.prepare",
            obj=meeting,
            after={**snapshot(meeting, FIELDS), "topics": topics},
            summary=_("筹备例会：%(t)s（%(n)d 个难点问题）") % {"t": title, "n": topics},
        )
    return meeting


def meeting_refresh(*, actor: Any, meeting: Meeting) -> Meeting:
    """Take the briefing again and add new difficulties, until the meeting is held."""
    _check(actor)
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if locked.state != MeetingState.PLANNED:
            raise DomainError(_("例会已召开，通报数据不再更新。"))
        locked.briefing, locked.briefing_at = briefing_snapshot(), timezone.now()
        locked.save(update_fields=["briefing", "briefing_at"])
        added = _gather(locked)
        audit_record(
            actor=actor,
            action="meeting.refresh",
            obj=locked,
            after={"topics_added": added},
            summary=_("更新例会通报数据：%(t)s") % {"t": locked.title},
        )
    return locked


def meeting_minutes(
    *, actor: Any, meeting: Meeting, minutes: str, opinions: dict[int, str] | None = None
) -> Meeting:
    """Record (or correct) the minutes and the meeting's opinion on each topic; the meeting is then held."""
    _check(actor)
    minutes = clean_text(minutes, field="minutes", label=_("会议纪要"), required=True, limit=10000)
    opinions = {
        int(k): clean_text(v, field="opinions", label=_("会议意见"), required=False)
        for k, v in (opinions or {}).items()
    }
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        before = {**snapshot(locked, FIELDS), "minutes": locked.minutes}
        topics = {t.pk: t for t in locked.topics.all()}
        unknown = set(opinions) - set(topics)
        if unknown:
            raise DomainError(_("议题不属于本次例会。"), field="opinions")
        changed = [topics[pk] for pk, text in opinions.items() if topics[pk].opinion != text]
        for topic in changed:
            topic.opinion = opinions[topic.pk]
        MeetingTopic.objects.bulk_update(changed, ["opinion"])
        locked.minutes, locked.minutes_at, locked.state = minutes, timezone.now(), MeetingState.HELD
        locked.save(update_fields=["minutes", "minutes_at", "state"])
        audit_record(
            actor=actor,
            action="meeting.minutes",
            obj=locked,
            before=before,
            after={
                **snapshot(locked, FIELDS),
                "minutes": minutes,
                "opinions": {t.pk: t.opinion for t in changed},
            },
            summary=_("录入例会纪要：%(t)s") % {"t": locked.title},
        )
    return locked
