"""The service list and its counts against one plain query over every project (the oracle): the same rows
in the same order for every filter, also where the page boundary falls between the rows with a deadline
and those without, and the same counts per state."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from typing import Any

import pytest
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from liaison.closure.models import WAITING_ON_CENTRE, Service, ServiceState, waiting_on_enterprise_q
from liaison.closure.selectors import lists
from liaison.intake.models import Entrustment
from liaison.intake.tests.test_services_support import (  # noqa: F401 - fixtures
    World,
    fast_passwords,
    world,
)
from liaison.tracking.tests.conftest import _media, catalogue  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db
S = ServiceState


def _oracle(user: Any, state: str) -> list[int]:
    qs = lists._annotated(user)
    if state == lists.WAITING_FILTER:
        qs = qs.filter(service_state__in=sorted(WAITING_ON_CENTRE))
    elif state == lists.RECEIPT_FILTER:
        qs = qs.filter(waiting_on_enterprise_q(state="service_state", pending="service_pending"))
    elif state == lists.READY_FILTER:
        qs = qs.filter(pk__in=lists.ready_projects(user).values("pk"))
    elif state:
        qs = qs.filter(service_state=state)
    ordered = qs.order_by(F("service_due").asc(nulls_last=True), "-registered_at", "-pk")
    return list(ordered.values_list("pk", flat=True)[: lists.PAGE])


@pytest.fixture
def services(world: World, catalogue: Any) -> list[Service]:
    call_command("seed_scale", "--projects", "24", "--no-extras", stdout=io.StringIO())
    today = timezone.localdate()
    plan = [
        (S.COMPLETION_PREPARED, 3),
        (S.COMPLETION_PREPARED, -2),
        (S.RECEIPT_CONFIRMED, 5),
        (S.RECEIPT_CONFIRMED, 1),
        (S.TERMINATION_REQUESTED, 0),
        (S.TERMINATED, None),
        (S.COMPLETED, None),
        (S.IN_SERVICE, None),
    ]
    entrustments = Entrustment.objects.filter(project__service_number__startswith="YC-S").order_by("pk")
    made = []
    for entrustment, (state, days) in zip(entrustments, plan, strict=False):
        due = today + dt.timedelta(days=days) if days is not None else None
        made.append(
            Service.objects.create(
                entrustment=entrustment,
                project=entrustment.project,
                state=state,
                due_on=due,
                termination_handover_pending=state == S.TERMINATED,
            )
        )
    return made


@pytest.mark.parametrize("page", [3, 6, 200])
def test_every_filter_lists_the_oracles_rows_in_its_order(
    world: World, services: list[Service], monkeypatch: pytest.MonkeyPatch, page: int
) -> None:
    monkeypatch.setattr(lists, "PAGE", page)
    for user in (world.center_admin, world.officer_user):
        for state in ["", *sorted(lists.FILTERS)]:
            listed = [row.project.pk for row in lists.service_list(user, state=state)]
            assert listed == _oracle(user, state), (user, state)
    everything = [row.project.pk for row in lists.service_list(world.center_admin)]
    assert len(everything) == min(page, lists._annotated(world.center_admin).count())
    by_due = [s.project_id for s in sorted((s for s in services if s.due_on), key=lambda s: s.due_on)]
    assert everything[: min(page, 5)] == by_due[:page]  # the five with a deadline first, soonest first


def test_the_counts_are_the_oracles(world: World, services: list[Service]) -> None:
    for user in (world.center_admin, world.officer_user):
        expected = Counter(lists._annotated(user).values_list("service_state", flat=True))
        counts = lists.service_counts(user)
        assert {k: v for k, v in counts.items() if v} == dict(expected)
    assert lists.service_counts(world.center_admin)[S.RECEIPT_CONFIRMED] == 2
