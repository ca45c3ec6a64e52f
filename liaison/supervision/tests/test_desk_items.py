"""The desk's item figures come from tracking's tallies; on seeded data they equal the items counted one
by one with tracking's light conditions (the oracle below), by department and by officer."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command
from django.db.models import Count

from liaison.deadlines.lights import Light
from liaison.intake.tests.test_services_support import (  # noqa: F401 - fixtures
    World,
    fast_passwords,
    world,
)
from liaison.supervision.period import period_from
from liaison.supervision.selectors.desk import desk_sections, figure_counts
from liaison.tracking.lights import light_conditions, light_context
from liaison.tracking.models import ProjectItem
from liaison.tracking.tests.conftest import _media, catalogue  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


def test_the_desk_item_figures_equal_the_items_counted_one_by_one(world: World, catalogue: Any) -> None:
    call_command("seed_scale", "--projects", "60", "--no-extras", stdout=io.StringIO())
    conds = light_conditions(light_context())
    expected = {
        f"items_{light}": ProjectItem.objects.filter(conds[light]).count()
        for light in (Light.RED, Light.YELLOW, Light.PAUSED)
    }
    assert expected["items_red"] > 0 and expected["items_yellow"] > 0  # the seed spreads the due dates
    red = ProjectItem.objects.filter(conds[Light.RED])
    by_department = sorted(
        (
            (r["approval_item__department__name"], r["n"])
            for r in red.values("approval_item__department__name").annotate(n=Count("id"))
        ),
        key=lambda row: (-row[1], row[0]),
    )
    by_officer = sorted(
        (
            (r["project__assignments__officer__number"], r["n"])
            for r in red.filter(project__assignments__is_active=True)
            .values("project__assignments__officer__number")
            .annotate(n=Count("id", distinct=True))
        ),
        key=lambda row: (-row[1], row[0]),
    )

    sections = desk_sections(world.supervisor, period_from({}))
    counts = figure_counts(sections)
    assert {key: counts[key] for key in expected} == expected
    tables = {t.key: t for s in sections for t in s.tables}
    assert [(r.label, r.values[0]) for r in tables["items_by_department"].rows] == by_department
    assert [
        (r.label.rsplit("（", 1)[1].rstrip("）"), r.values[0]) for r in tables["items_by_officer"].rows
    ] == (by_officer)
    assert all(r.url for r in tables["items_by_department"].rows + tables["items_by_officer"].rows)


def test_a_desk_table_shows_the_worst_rows_and_says_how_many_there_are(
    world: World, catalogue: Any, monkeypatch: pytest.MonkeyPatch, client: Any
) -> None:
    from liaison.supervision.selectors import desk

    call_command("seed_scale", "--projects", "60", "--officers", "4", "--no-extras", stdout=io.StringIO())
    everything = {t.key: t for s in desk_sections(world.supervisor, period_from({})) for t in s.tables}
    officers = everything["items_by_officer"]
    assert officers.total == len(officers.rows) >= 2
    monkeypatch.setattr(desk, "TABLE_ROWS", 1)
    capped = {t.key: t for s in desk_sections(world.supervisor, period_from({})) for t in s.tables}
    assert capped["items_by_officer"].rows == officers.rows[:1]
    assert capped["items_by_officer"].total == officers.total
    client.force_login(world.supervisor)
    html = client.get("/supervision/").content.decode()
    assert 'data-testid="more-items_by_officer"' in html and f"共 {officers.total} 项" in html
    assert 'href="/tracking/overview/#officers"' in html
