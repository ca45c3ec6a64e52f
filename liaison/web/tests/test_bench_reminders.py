"""bench_reminders runs the tracking reminder job twice on seeded data and prints what each run wrote."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django_tasks_db.models import DBTaskResult

from liaison.intake.tests.test_services_support import (  # noqa: F401 - fixtures
    World,
    fast_passwords,
    world,
)
from liaison.notifications.models import Notification
from liaison.tracking.tests.conftest import _media, catalogue  # noqa: F401 - fixtures
from liaison.web.scale.reminders_bench import EMAIL_TASK

pytestmark = pytest.mark.django_db
ROW = re.compile(r"^(first|repeat)\s+([\d.]+)" + r"\s+(\d+)" * 7 + "$")


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_the_first_run_sends_and_queues_one_digest_per_person_the_repeat_nothing(
    world: World, catalogue: Any, django_capture_on_commit_callbacks: Any
) -> None:
    run("seed_scale", "--projects", "20", "--seed", "7")
    with django_capture_on_commit_callbacks(execute=True):  # the email tasks are queued on commit
        output = run("bench_reminders")
    rows = [m.groups() for line in output.splitlines() if (m := ROW.match(line))]
    assert [r[0] for r in rows] == ["first", "repeat"]
    first, repeat = ([int(v) for v in r[2:]] for r in rows)
    _queries, crossings, log_rows, in_app, digests, tasks, _biggest = first
    assert crossings > 0 and log_rows == in_app >= crossings
    assert digests == Notification.objects.filter(in_app=False).count() < in_app
    assert tasks == 0  # inside the test's transaction the email tasks are queued when it ends
    assert DBTaskResult.objects.filter(task_path=EMAIL_TASK).count() == digests
    assert repeat[1:6] == [0, 0, 0, 0, 0]
    again = [m.groups() for line in run("bench_reminders", "--reset").splitlines() if (m := ROW.match(line))]
    assert int(again[0][3]) == crossings  # after --reset the first run sends the same again


def test_without_projects_it_says_to_seed_first() -> None:
    with pytest.raises(CommandError, match="seed_scale"):
        run("bench_reminders")
