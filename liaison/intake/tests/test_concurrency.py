"""Two centre staff acting at the same moment: exactly one wins, the other is told; numbers never repeat or skip.

The threads really run at once. On PostgreSQL the row locks (SELECT … FOR UPDATE) decide; on SQLite the
IMMEDIATE transactions and the busy timeout serialise writers. Both must give the same results.

SQLite note: pytest-django's SQLite test database lives in shared-cache memory, where a second writer
fails at once with "database table is locked" instead of waiting. For these tests the database is copied
to a file for the duration of the test, which is how the product runs on SQLite (a file, WAL, IMMEDIATE).
"""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection, connections
from django.utils import timezone

from liaison.core.errors import Conflict
from liaison.intake.models import Assignment, Entrustment, EntrustmentStatus, Project
from liaison.intake.services.dispatch import assignment_dispatch
from liaison.intake.services.review import entrustment_accept
from liaison.intake.tests.test_services_support import (  # noqa: F401 - fixtures
    ensure_thresholds,
    fast_passwords,
    make_project,
    register_officer,
    request_in,
    world,
)
from liaison.notifications.models import Notification
from liaison.testing.personas import make_user

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
YEAR = timezone.localdate().year


@pytest.fixture
def shared_database(transactional_db: None, tmp_path: Path) -> Iterator[None]:
    """Let every thread's connection see the test's data (see the module docstring)."""
    if connection.vendor != "sqlite":
        yield
        return
    settings_dict = connection.settings_dict
    memory_name = settings_dict["NAME"]
    connection.ensure_connection()
    memory = connection.connection
    path = tmp_path / "race.sqlite3"
    with sqlite3.connect(path) as target:
        memory.backup(target)
    settings_dict["NAME"] = str(path)
    connection.connection = None  # this thread reconnects, to the file, on its next query
    try:
        yield
    finally:
        connection.close()
        settings_dict["NAME"] = memory_name
        connection.connection = memory


@pytest.fixture
def race(shared_database: None, world: Any) -> Any:
    """The personas, created in the database the threads share, and Art. 8 thresholds in force."""
    ensure_thresholds(world.center_admin)  # an earlier transactional test may have flushed them
    return world


def at_once(calls: list[Callable[[], Any]]) -> list[Any]:
    """Run the calls in threads released together; each result is the return value or the exception."""
    barrier = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=30)
            results[index] = calls[index]()
        except Exception as exc:  # the loser's Conflict is a result too
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a racing thread hung"
    return results


def test_two_staff_accepting_the_same_request_at_once_one_wins_and_the_other_is_told_who(race):
    second = make_user("t_center_admin_2", roles=("center_admin",), full_name="审核员乙")
    request = request_in("submitted", applicant=race.applicant, admin=race.center_admin)
    admins = [race.center_admin, second]

    results = at_once([lambda a=admin: entrustment_accept(actor=a, entrustment=request) for admin in admins])

    wins = [r for r in results if isinstance(r, Entrustment)]
    losses = [r for r in results if isinstance(r, Conflict)]
    assert (len(wins), len(losses)) == (1, 1), results
    winner = admins[results.index(wins[0])]
    assert f"已由 {winner.display_name} 处理（当前状态：已受理）" in str(losses[0].message)
    assert Project.objects.get(pk=request.project_id).service_number == f"WH-{YEAR}-0001"
    assert Entrustment.objects.get(pk=request.pk).transitions.filter(to_status="accepted").count() == 1
    assert Notification.objects.filter(kind="entrustment.accepted").count() == 1


def test_many_acceptances_at_once_take_consecutive_numbers_without_repeat_or_gap(race):
    count = 6
    requests = [
        request_in(
            "submitted",
            applicant=race.applicant,
            admin=race.center_admin,
            project=make_project(race.applicant, name=f"并发项目{n}"),
        )
        for n in range(count)
    ]

    results = at_once(
        [lambda r=request: entrustment_accept(actor=race.center_admin, entrustment=r) for request in requests]
    )

    assert all(isinstance(r, Entrustment) for r in results), results
    numbers = sorted(Project.objects.exclude(service_number=None).values_list("service_number", flat=True))
    assert numbers == [f"WH-{YEAR}-{n:04d}" for n in range(1, count + 1)]
    assert Entrustment.objects.filter(status=EntrustmentStatus.ACCEPTED).count() == count


def test_two_staff_dispatching_the_same_project_at_once_make_exactly_one_dispatch(race):
    second = make_user("t_center_admin_2", roles=("center_admin",), full_name="审核员乙")
    other_officer = register_officer(race.center_admin, "t_rival")
    project = request_in("accepted", applicant=race.applicant, admin=race.center_admin).project
    plans = [(race.center_admin, race.officer), (second, other_officer)]

    results = at_once(
        [
            lambda a=admin, o=officer: assignment_dispatch(actor=a, project=project, lead=o)
            for admin, officer in plans
        ]
    )

    wins = [r for r in results if isinstance(r, list)]
    losses = [r for r in results if isinstance(r, Conflict)]
    assert (len(wins), len(losses)) == (1, 1), results
    winner, chosen = plans[results.index(wins[0])]
    assert f"已由 {winner.display_name} 派任联络官" in str(losses[0].message)
    active = Assignment.objects.filter(project=project, is_active=True)
    assert list(active.values_list("officer_id", flat=True)) == [chosen.pk]
    assert Assignment.objects.filter(project=project).count() == 1
    told = sorted(
        Notification.objects.filter(kind="assignment.dispatched").values_list("recipient_id", flat=True)
    )
    assert told == sorted([chosen.user_id, race.applicant.pk])
