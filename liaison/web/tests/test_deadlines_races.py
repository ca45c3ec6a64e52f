"""Two workers running every reminder job at the same moment send each crossing of every kind of deadline
once per recipient: the second worker's insert of the same ReminderSent row waits for the first
transaction and then fails, so it sends nothing."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

from collections import Counter

import pytest

from liaison.coordination.tests.conftest import case  # noqa: F401 - fixture
from liaison.deadlines.models import ReminderSent
from liaison.intake.tests.test_concurrency import shared_database  # noqa: F401 - fixture
from liaison.intake.tests.test_services_support import fast_passwords, world  # noqa: F401 - fixtures
from liaison.notifications.models import Notification
from liaison.testing.races import second_meets_open_first
from liaison.web.tests.deadline_builders import KINDS, one_of_each, run_all
from liaison.workcal.calendar import add_working_days

SENT = ("kind", "subject_id", "due_on", "threshold", "repeat_no", "recipient_id")


def _sent(runs) -> list[int]:
    tracking, consultations, coordination = runs
    return [
        tracking.sent,
        tracking.obligations_sent,
        consultations.sent,
        coordination.sent,
        coordination.actions_sent,
    ]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_send_each_kinds_reminders_once(shared_database, case):
    due = one_of_each(case)
    red_day = add_working_days(due, 1)
    race = second_meets_open_first(lambda: run_all(red_day), lambda: run_all(red_day))
    assert not isinstance(race.first, Exception) and not isinstance(race.second, Exception), race
    assert all(n > 0 for n in _sent(race.first)), race.first
    assert _sent(race.second) == [0, 0, 0, 0, 0], race.second
    rows = Counter(ReminderSent.objects.values_list(*SENT))
    assert {key[0] for key in rows} == KINDS and max(rows.values()) == 1
    notes = Counter(Notification.objects.values_list("recipient_id", "event_key"))
    assert max(notes.values()) == 1
