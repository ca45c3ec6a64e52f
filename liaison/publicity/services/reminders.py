"""Reminders of the enquiry answer deadline on the engine: the centre's admins are told once yellow,
once red, then every N working days until the enquiry is answered or closed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.deadlines.lights import light_context
from liaison.deadlines.schedule import Crossing
from liaison.deadlines.services.reminders import Reminder, reminders_send
from liaison.intake.people import centre_admins
from liaison.publicity.deadline_kinds import ENQUIRY
from liaison.publicity.models import Enquiry, EnquiryState
from liaison.publicity.services.enquiries import staff_url


def _compose(enquiry: Enquiry, at: Crossing, admins: list[Any]) -> Reminder:
    return Reminder(
        recipients=admins,
        message_kind=f"enquiry.reminder.{at.threshold}",
        event_key=f"enquiry:{enquiry.pk}:reminder:{at.step}",
        title=_("咨询答复期限 %(d)s：%(c)s") % {"d": at.due_on.isoformat(), "c": enquiry.code},
        url=staff_url(enquiry),
    )


def enquiry_reminders_run(*, today: dt.date | None = None) -> int:
    """Send the reminders due today; the number sent."""
    today = today or timezone.localdate()
    limit = light_context(ENQUIRY.code, today).yellow_limit
    rows = list(Enquiry.objects.filter(state=EnquiryState.OPEN, due_on__lte=limit).order_by("pk"))
    admins = centre_admins()
    return reminders_send(
        kind=ENQUIRY.code,
        subjects=rows,
        due_on=lambda e: e.due_on or today,
        today=today,
        compose=lambda e, at: _compose(e, at, admins),
    ).sent
