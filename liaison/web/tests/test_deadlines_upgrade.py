"""The upgrade onto the deadline engine sends nothing that was already sent: reminders recorded the old way
(tracking's ReminderLog, consultations' notification keys, coordination's DifficultyReminder and
ActionReminder tables) are carried into the engine's log by the data migrations, and the jobs run right
after the upgrade send no notification again."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from liaison.coordination.tests.conftest import case  # noqa: F401 - fixture
from liaison.deadlines.models import ReminderSent
from liaison.intake.tests.test_services_support import fast_passwords, world  # noqa: F401 - fixtures
from liaison.notifications.models import Notification
from liaison.web.tests.deadline_builders import KINDS, one_of_each, run_all
from liaison.workcal.calendar import add_working_days

BEFORE = [
    ("tracking", "0002_project_rollup"),
    ("consultations", "0001_initial"),
    ("coordination", "0005_meeting_serial"),
]
SENT = ("kind", "subject_id", "due_on", "threshold", "repeat_no", "recipient_id")


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


def _latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def _as_old_code_recorded(old_apps, sent):
    """Put back the rows the old code wrote for these crossings (the notifications are still there)."""
    ReminderLog = old_apps.get_model("tracking", "ReminderLog")
    DifficultyReminder = old_apps.get_model("coordination", "DifficultyReminder")
    ActionReminder = old_apps.get_model("coordination", "ActionReminder")
    crossings = {row[:5] for row in sent}
    for kind, subject_id, due, threshold, seq in crossings:
        if kind == "tracking.item":
            ReminderLog.objects.create(project_item_id=subject_id, kind=threshold, due_on=due, sequence=seq)
        elif kind == "tracking.obligation":
            ReminderLog.objects.create(obligation_id=subject_id, kind=threshold, due_on=due, sequence=seq)
        elif kind == "coordination.difficulty":
            DifficultyReminder.objects.create(difficulty_id=subject_id, kind=threshold, due_on=due)
        elif kind == "coordination.action":
            ActionReminder.objects.create(action_id=subject_id, kind=threshold, due_on=due)
    old_apps.get_model("tracking", "TrackingSettings").objects.update_or_create(
        pk=1, defaults={"yellow_threshold_days": 3, "overdue_repeat_days": 3}
    )


@pytest.mark.django_db(transaction=True)
def test_reminders_sent_before_the_upgrade_are_not_sent_again(case):
    due = one_of_each(case)
    yellow_day, red_day = due, add_working_days(due, 1)
    run_all(yellow_day)
    run_all(red_day)
    sent = set(ReminderSent.objects.values_list(*SENT))
    kinds = {row[0] for row in sent}
    assert kinds == KINDS
    assert {row[3] for row in sent} == {"yellow", "red"}
    notified = Notification.objects.count()

    # back to the code before the engine: its tables, its settings fields, no engine log
    ReminderSent.objects.all().delete()
    old_apps = _migrate([*BEFORE, ("deadlines", None)])
    _as_old_code_recorded(old_apps, sent)
    _migrate(_latest())

    assert set(ReminderSent.objects.values_list(*SENT)) == sent  # the history, recipient by recipient
    runs = run_all(red_day)
    assert Notification.objects.count() == notified
    assert [runs[0].sent, runs[0].obligations_sent, runs[1].sent, runs[2].sent, runs[2].actions_sent] == [
        0
    ] * 5
