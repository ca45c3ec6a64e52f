"""The centre's consultation settings row and the reply deadline it gives."""

from __future__ import annotations

import datetime as dt

from liaison.consultations.models import ConsultationSettings
from liaison.deadlines.calendar_policy import deadline_after


def consultation_settings() -> ConsultationSettings:
    row, _created = ConsultationSettings.objects.get_or_create(pk=1)
    return row


def reply_deadline(raised_on: dt.date, days: int | None = None) -> tuple[dt.date | None, int | None]:
    """N working days after the day raised (the day itself not counted); (None, year) if the calendar lacks it."""
    n = days if days is not None else consultation_settings().reply_days
    deadline = deadline_after(raised_on, n)
    return deadline.due_on, deadline.problem_year
