"""Reads of progress meetings."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from liaison.coordination.models import Meeting
from liaison.coordination.policies import can_view_meetings
from liaison.core.errors import NotFound


def meeting_get(user: Any, pk: int) -> Meeting:
    """The meeting if `user` may read the meetings; missing and forbidden look the same."""
    meeting = Meeting.objects.filter(pk=pk).first() if can_view_meetings(user) else None
    if meeting is None:
        raise NotFound(_("例会不存在。"))
    return meeting
