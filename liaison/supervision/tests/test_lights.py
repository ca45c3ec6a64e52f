"""The rectification's deadline on the engine: its light on the list, the page and the 待办 (red, yellow,
green; none once reported), the list filtered by light, and the reminders sent once per crossing."""

from __future__ import annotations

import datetime as dt

import pytest

from liaison.deadlines.lights import Light
from liaison.directory.todos import todos_for
from liaison.notifications.models import Notification
from liaison.supervision.lights import rectify_light_context
from liaison.supervision.models import Inspection
from liaison.supervision.selectors.inspections import access_inspection, inspection_list
from liaison.supervision.services.inspections import inspection_report
from liaison.supervision.services.reminders import supervision_reminders_run
from liaison.supervision.tests.support import open_inspection

pytestmark = pytest.mark.django_db


def _due(inspection, due):
    Inspection.objects.filter(pk=inspection.pk).update(rectify_due=due)


def _overdue_todo(user):
    return next((e.count for e in todos_for(user) if e.key == "supervision.overdue"), 0)


def test_the_rectification_is_red_yellow_or_green_by_the_engine_and_none_once_reported(case):
    w, ctx = case.world, rectify_light_context()
    i = open_inspection(case, require=True)
    for due, light in (
        (ctx.today - dt.timedelta(days=1), Light.RED),
        (ctx.today, Light.YELLOW),
        (ctx.yellow_limit + dt.timedelta(days=1), Light.GREEN),
    ):
        _due(i, due)
        assert inspection_list(w.supervisor).get().light == light
        assert access_inspection(w.supervisor, i.pk).light == light
        assert list(inspection_list(w.supervisor, light=light).values_list("pk", flat=True)) == [i.pk]
        assert _overdue_todo(w.supervisor) == (1 if light == Light.RED else 0)
    _due(i, ctx.today - dt.timedelta(days=3))
    inspection_report(actor=w.officer_user, inspection_id=i.pk, report="已整改")
    assert inspection_list(w.supervisor).get().light == Light.NONE
    assert not inspection_list(w.supervisor, light=Light.RED).exists()
    assert _overdue_todo(w.supervisor) == 0


def test_the_list_page_filters_by_light_and_shows_it(client, case):
    w, ctx = case.world, rectify_light_context()
    red = open_inspection(case, require=True)
    green = open_inspection(case, require=True)
    _due(red, ctx.today - dt.timedelta(days=2))
    _due(green, ctx.yellow_limit + dt.timedelta(days=1))
    client.force_login(w.supervisor)
    page = client.get("/supervision/inspections/?light=red").content.decode()
    assert (
        f"/supervision/inspections/{red.pk}/" in page and f"/supervision/inspections/{green.pk}/" not in page
    )


def test_reminders_tell_the_party_once_per_crossing_and_the_supervisor_once_red(case):
    w, ctx = case.world, rectify_light_context()
    i = open_inspection(case, require=True)
    _due(i, ctx.today - dt.timedelta(days=1))
    assert supervision_reminders_run(today=ctx.today) == 1
    assert supervision_reminders_run(today=ctx.today) == 0
    told = set(
        Notification.objects.filter(kind__startswith="inspection.reminder").values_list(
            "recipient", flat=True
        )
    )
    assert told == {w.officer_user.pk, w.supervisor.pk}
