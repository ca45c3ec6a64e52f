"""/api/v1/coordination/meetings: progress meetings (Art. 17) — list, read, prepare, refresh, minutes.

The same services as the pages. Readers are the centre, oversight, the project office and officers;
others get 404 (the meetings look missing); writing is the centre's (403 for other readers).
"""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from liaison.coordination.models import Meeting
from liaison.coordination.policies import can_view_meetings
from liaison.coordination.selectors.meetings import meeting_get
from liaison.coordination.services.meetings import meeting_minutes, meeting_prepare, meeting_refresh
from liaison.core.bounds import Id
from liaison.core.errors import NotFound
from liaison.core.paging import ApiPagination

router = Router(tags=["coordination"])


class MeetingRowOut(Schema):
    id: int
    title: str
    held_on: dt.date
    place: str
    state: str


class TopicOut(Schema):
    id: int
    difficulty_id: int
    number: str
    title: str
    state_then: str
    opinion: str


class MeetingOut(MeetingRowOut):
    chair: str
    attendees: str
    briefing: dict[str, Any] = Field(description="The figures shown to the meeting, as taken at briefing_at")
    briefing_at: dt.datetime | None
    minutes: str
    topics: list[TopicOut]


class PrepareIn(Schema):
    held_on: dt.date
    title: str = ""
    place: str = ""
    chair: str = ""
    attendees: str = ""


class MinutesIn(Schema):
    minutes: str
    opinions: dict[int, str] = Field(default={}, description="Topic id -> the meeting's opinion")


def _readable(request: HttpRequest) -> None:
    if not can_view_meetings(request.user):
        raise NotFound(_("例会不存在。"))


def _meeting(request: HttpRequest, meeting_id: int) -> Meeting:
    return meeting_get(request.user, meeting_id)


def _out(meeting: Meeting) -> dict[str, Any]:
    topics = meeting.topics.select_related("difficulty").order_by("pk")
    return {
        **{
            f: getattr(meeting, f) for f in ("id", "title", "held_on", "place", "state", "chair", "attendees")
        },
        "briefing": meeting.briefing,
        "briefing_at": meeting.briefing_at,
        "minutes": meeting.minutes,
        "topics": [
            {
                "id": t.pk,
                "difficulty_id": t.difficulty_id,
                "number": t.difficulty.number,
                "title": t.difficulty.title,
                "state_then": t.state_then,
                "opinion": t.opinion,
            }
            for t in topics
        ],
    }


@router.get("/meetings", response=list[MeetingRowOut], summary="Progress meetings, newest first")
@paginate(ApiPagination)
def list_meetings(request: HttpRequest) -> Any:
    _readable(request)
    return Meeting.objects.order_by("-held_on", "-pk")


@router.post("/meetings", response={201: MeetingOut}, summary="Prepare a meeting (the centre)")
def prepare(request: HttpRequest, payload: PrepareIn) -> Any:
    _readable(request)
    meeting = meeting_prepare(actor=request.user, **payload.dict())
    return Status(201, _out(meeting))


@router.get("/meetings/{meeting_id}", response=MeetingOut, summary="One meeting with its briefing and topics")
def get_meeting(request: HttpRequest, meeting_id: Id) -> Any:
    return _out(_meeting(request, meeting_id))


@router.post("/meetings/{meeting_id}/refresh", response=MeetingOut, summary="Take the briefing again")
def refresh(request: HttpRequest, meeting_id: Id) -> Any:
    return _out(meeting_refresh(actor=request.user, meeting=_meeting(request, meeting_id)))


@router.put("/meetings/{meeting_id}/minutes", response=MeetingOut, summary="Record the minutes and opinions")
def minutes(request: HttpRequest, meeting_id: Id, payload: MinutesIn) -> Any:
    meeting = _meeting(request, meeting_id)
    return _out(
        meeting_minutes(
            actor=request.user, meeting=meeting, minutes=payload.minutes, opinions=payload.opinions
        )
    )
