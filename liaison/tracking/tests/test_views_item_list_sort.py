"""Sorting an item list by a column header: both directions, the link turning round, the export in the
page's order, an unknown key ignored (liaison.core.listing.Sorting)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from liaison.testing.xlsx import sheet_rows
from liaison.tracking.tests.builders import dispatched_project, draft
from liaison.tracking.tests.conftest import START

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_projects(track):
    draft(track.world, track.project, START)
    second = dispatched_project(track.world, name="甲区东侧地块")
    draft(track.world, second, START)
    return track


def _due(page) -> list:
    return [row.item.due_on or row.item.planned_due for row in page.context["rows"]]


def test_the_list_sorts_by_due_date_both_ways_and_the_export_follows(client, two_projects):
    client.force_login(two_projects.world.center_admin)
    url = reverse("tracking:items")
    up = client.get(url, {"sort": "due"})
    rows = [(r.item.due_on, r.item.pk) for r in up.context["rows"]]
    dated = [r for r in rows if r[0] is not None]
    assert len(dated) >= 2 and dated == sorted(dated) and rows[: len(dated)] == dated  # empty dates last
    down = client.get(url, {"sort": "-due"})
    back = [(r.item.due_on, r.item.pk) for r in down.context["rows"] if r.item.due_on is not None]
    assert back == sorted(back, reverse=True)
    html = up.content.decode()
    assert 'aria-sort="ascending"' in html and 'href="?sort=-due"' in html  # the header turns the order round
    exported = sheet_rows(client.get(url, {"sort": "-project", "export": "xlsx"}))
    names = [row[2] for row in exported]
    assert names == sorted(names, reverse=True) and len(set(names)) == 2


def test_sorting_by_project_keeps_the_filter_and_an_unknown_key_keeps_the_default_order(client, two_projects):
    client.force_login(two_projects.world.center_admin)
    url = reverse("tracking:items")
    default = [r.item.pk for r in client.get(url).context["rows"]]
    assert [r.item.pk for r in client.get(url, {"sort": "nonsense;drop"}).context["rows"]] == default
    page = client.get(url, {"q": "甲区", "sort": "project"})
    assert {r.item.project.name for r in page.context["rows"]} == {"甲区东侧地块"}
    assert (
        "q=%E7%94%B2%E5%8C%BA" in page.context["tools"].export_url
        and "sort=project" in page.context["tools"].export_url
    )


def test_the_project_list_sorts_by_name(client, two_projects):
    client.force_login(two_projects.world.center_admin)
    page = client.get(reverse("intake:project_list"), {"sort": "name"})
    names = [row["project"].name for row in page.context["rows"]]
    assert names == sorted(names) and len(names) == 2
    names_down = [
        row["project"].name
        for row in client.get(reverse("intake:project_list"), {"sort": "-name"}).context["rows"]
    ]
    assert names_down == names[::-1]
