from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from liaison.core.bounds import IdList
from liaison.core.paging import ApiPagination
from liaison.notifications.selectors.notifications import notification_list, notification_unread_count
from liaison.notifications.services.notify import notification_mark_read

router = Router(tags=["notifications"])


class NotificationOut(Schema):
    id: int
    kind: str
    title: str
    body: str
    url: str
    created_at: datetime
    read_at: datetime | None


class MarkReadIn(Schema):
    ids: IdList | None = None


class CountOut(Schema):
    unread: int


@router.get("/", response=list[NotificationOut])
@paginate(ApiPagination)
def list_notifications(request: HttpRequest, unread: bool = False):
    return notification_list(user=request.user, unread_only=unread)


@router.get("/unread-count", response=CountOut)
def unread_count(request: HttpRequest) -> dict[str, int]:
    return {"unread": notification_unread_count(user=request.user)}


@router.post("/mark-read", response=CountOut)
def mark_read(request: HttpRequest, payload: MarkReadIn) -> dict[str, int]:
    notification_mark_read(user=request.user, notification_ids=payload.ids)
    return {"unread": notification_unread_count(user=request.user)}
