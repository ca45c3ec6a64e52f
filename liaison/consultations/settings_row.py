"""The centre's consultation settings row and the reply deadline it gives."""

from __future__ import annotations

import datetime as dt

from liaison.consultations.models import ConsultationSettings
from liaison.workcal.calendar import CalendarYearMissing, add_working_days


def consultation_settings() -> ConsultationSettings:
    row, _created = ConsultationSettings.objects.get_or_create(pk=1)
    return row


def reply_deadline(raised_on: dt.date, days: int | None = None) -> tuple[dt.date | None, int | None]:
    """N working days after the day raised (the day itself not counted); (None, year) if the calendar lacks it."""
    n = days if days is not None else consultation_settings().reply_days
    try:
        return add_working_days(raised_on, n), None
    except CalendarYearMissing as missing:
        return None, missing.year
