"""The list behind the overview's figures and the 待办's filters: by light, by keyword, paginated, and an
export with exactly the rows the page filters."""

from __future__ import annotations

import pytest
from django.urls import reverse

from liaison.testing.xlsx import sheet_rows
from liaison.tracking.tests.builders import dispatched_project, draft, item_of
from liaison.tracking.tests.conftest import START

pytestmark = pytest.mark.django_db


@pytest.fixture
def planned(track):
    draft(track.world, track.project, START)
    return track


def _rows(html: str) -> int:
    return html.count('data-testid="item-row"')


@pytest.mark.parametrize("light", ["red", "yellow", "unknown", "green", "paused", "none"])
def test_each_overview_figure_links_to_a_list_with_that_many_rows_and_an_export_of_them(
    client, planned, light
):
    second = dispatched_project(planned.world, name="第二个项目")
    draft(planned.world, second, START)
    planned.driver.to(item_of(planned.project, "A"), "supplement_requested")
    client.force_login(planned.world.center_admin)
    overview = client.get(reverse("tracking:overview"))
    figure = overview.context["overview"].items.counts.get(light, 0)
    assert (
        f'href="/tracking/items/?light={light}" data-testid="light-total-{light}"'
        in overview.content.decode()
    )
    page = client.get(reverse("tracking:items"), {"light": light})
    assert page.context["page_obj"].paginator.count == figure
    assert {row.light for row in page.context["rows"]} <= {light}
    exported = sheet_rows(client.get(reverse("tracking:items"), {"light": light, "export": "xlsx"}))
    assert len(exported) == figure


def test_the_keyword_narrows_the_list_and_the_export_alike(client, planned):
    second = dispatched_project(planned.world, name="翠湖片区改造")
    draft(planned.world, second, START)
    client.force_login(planned.world.center_admin)
    everything = client.get(reverse("tracking:items")).context["page_obj"].paginator.count
    page = client.get(reverse("tracking:items"), {"q": "翠湖"})
    assert 0 < page.context["page_obj"].paginator.count < everything
    assert all(row.item.project.name == "翠湖片区改造" for row in page.context["rows"])
    assert 'name="q" value="翠湖"' in page.content.decode()
    exported = sheet_rows(client.get(reverse("tracking:items"), {"q": "翠湖", "export": "xlsx"}))
    assert {row[2] for row in exported} == {"翠湖片区改造"}
    export_link = page.context["tools"].export_url
    assert "q=%E7%BF%A0%E6%B9%96" in export_link and "export=xlsx" in export_link


def test_an_enterprise_sees_only_its_own_items_in_the_list(client, planned):
    client.force_login(planned.world.other_applicant)
    assert client.get(reverse("tracking:items")).context["page_obj"].paginator.count == 0
    assert sheet_rows(client.get(reverse("tracking:items"), {"export": "xlsx"})) == []
    client.force_login(planned.world.applicant)
    assert client.get(reverse("tracking:items")).context["page_obj"].paginator.count == 5


def test_the_list_needs_a_login(client, planned):
    response = client.get(reverse("tracking:items"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_officers_todo_filters_by_light_and_keyword_and_pages(client, planned):
    for n in range(6):
        draft(planned.world, dispatched_project(planned.world, name=f"批量项目{n}"), START)
    client.force_login(planned.world.officer_user)
    everything = client.get(reverse("tracking:todo"))
    assert everything.context["page_obj"].paginator.count == 35
    assert everything.content.decode().count('data-testid="todo-row"') == 25  # one page
    assert "第 1 / 2 页" in everything.content.decode()
    second = client.get(reverse("tracking:todo"), {"page": 2})
    assert second.content.decode().count('data-testid="todo-row"') == 10
    red = client.get(reverse("tracking:todo"), {"light": "red"})
    assert {row.light for row in red.context["rows"]} == {"red"}
    mine = client.get(reverse("tracking:todo"), {"q": "批量项目3"})
    assert mine.context["page_obj"].paginator.count == 5
    exported = sheet_rows(client.get(reverse("tracking:todo"), {"q": "批量项目3", "export": "xlsx"}))
    assert len(exported) == 5 and {row[2] for row in exported} == {"批量项目3"}


def test_a_background_export_of_the_items_has_the_rows_of_the_lists_own_export(
    client, settings, monkeypatch, planned, tmp_path
):
    """Past EXPORT_SYNC_MAX the worker replays this list (lights and calendars prepared a chunk at a time)."""
    import re

    from liaison.core import listing
    from liaison.core.export_jobs import export_job_run
    from liaison.core.models import ExportJob, ExportState

    settings.MEDIA_ROOT = str(tmp_path / "media")
    second = dispatched_project(planned.world, name="第二个项目")
    draft(planned.world, second, START)
    client.force_login(planned.world.center_admin)
    params = {"sort": "-due", "export": "xlsx"}
    at_once = sheet_rows(client.get(reverse("tracking:items"), params))
    settings.EXPORT_SYNC_MAX = 2
    monkeypatch.setattr(listing, "EXPORT_CHUNK", 3)
    offer = client.get(reverse("tracking:items"), params).content.decode()
    token = re.search(r'name="offer" value="([^"]+)"', offer).group(1)
    client.post(reverse("exports:request"), {"offer": token})
    job = ExportJob.objects.get()
    assert export_job_run(job.pk) == ExportState.DONE
    assert len(at_once) > 3 and sheet_rows(client.get(reverse("exports:download", args=[job.pk]))) == at_once
