"""The dashboard: the centre's overview for centre roles, the 待办 for officers and guides, constant queries."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from liaison.intake.models import Project
from liaison.intake.tests.test_services_support import (  # noqa: F401 - fixtures
    fast_passwords,
    register_officer,
    world,
)
from liaison.tracking.lights import SEVERITY, tracking_settings
from liaison.tracking.services.plans import plan_draft_from_entrustment
from liaison.tracking.tests.builders import dispatched_project, draft, item_of
from liaison.tracking.tests.conftest import (  # noqa: F401 - fixtures
    START,
    Track,
    _media,
    catalogue,
    track,
)

pytestmark = pytest.mark.django_db
ECHARTS = "vendor/echarts/echarts.min.js"


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def page(user: Any) -> Any:
    response = client_for(user).get("/")
    assert response.status_code == 200
    return response


def queries_of(user: Any) -> int:
    client = Client()
    client.force_login(user)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/").status_code == 200
    return len(ctx.captured_queries)


def lights_in_order(html: str) -> list[str]:
    return re.findall(r'data-testid="todo-row" data-light="(\w+)"', html)


@pytest.mark.parametrize("role", ["center_admin", "center_leader", "supervisor"])
def test_centre_roles_see_the_overview_with_charts_and_tables_but_no_todo(track: Track, role: str) -> None:
    draft(track.world, track.project, START)
    html = page(track.world.persona(role)).content.decode()
    assert 'data-testid="overview-panel"' in html
    for table in ("table-stages", "table-departments", "table-officers"):
        assert f'data-testid="{table}"' in html
    assert 'id="overview-data" type="application/json"' in html
    assert ECHARTS in html
    assert 'data-testid="todo-panel"' not in html


def test_the_overview_counts_every_registered_project_once_and_names_the_overdue_departments(
    track: Track, department: Any
) -> None:
    draft(track.world, track.project, START)
    second = dispatched_project(track.world, name="第二个项目")
    draft(track.world, second, START)
    tables = page(track.world.center_admin).context["summary"]["overview_tables"]
    registered = Project.objects.filter(registered_at__isnull=False).count()
    assert registered >= 2
    assert sum(row["total"] for row in tables["stages"]) == registered
    assert len(tables["chart"]["stage_series"]) == len(tables["lights"])
    overview = page(track.world.center_admin).context["summary"]["overview"]
    assert [(d["name"], d["overdue"]) for d in tables["departments"]] == [
        (name, n) for name, n in overview.overdue_by_department
    ]
    officer_numbers = {row["number"] for row in tables["officers"]}
    assert track.world.officer.number in officer_numbers


def test_an_officer_sees_their_todo_sorted_by_urgency_with_lights_and_no_overview(track: Track) -> None:
    draft(track.world, track.project, START)
    track.driver.to(item_of(track.project, "A"), "supplement_requested")
    html = page(track.world.officer_user).content.decode()
    assert 'data-testid="todo-panel"' in html
    lights = lights_in_order(html)
    assert len(lights) == 5  # A waits for the enterprise's supplement; B–E are planned
    assert [SEVERITY.index(light) for light in lights] == sorted(SEVERITY.index(light) for light in lights)
    assert all(f"light light-{light}" in html for light in lights)
    assert item_of(track.project, "B").approval_item.name in html
    assert 'data-testid="overview-panel"' not in html
    assert ECHARTS not in html


def test_a_guide_sees_the_items_waiting_for_their_decision(track: Track) -> None:
    draft(track.world, track.project, START)
    submitted = track.driver.to(item_of(track.project, "A"), "submitted")
    html = page(track.world.guide).content.decode()
    assert 'data-testid="todo-panel"' in html
    assert len(lights_in_order(html)) == 1
    assert submitted.approval_item.name in html
    assert 'data-testid="overview-panel"' not in html


@pytest.mark.parametrize("role", ["applicant", "project_office", "department_admin"])
def test_other_roles_see_neither_the_overview_nor_a_todo(track: Track, role: str) -> None:
    draft(track.world, track.project, START)
    html = page(track.world.persona(role)).content.decode()
    assert 'data-testid="overview-panel"' not in html
    assert 'data-testid="todo-panel"' not in html
    assert ECHARTS not in html


def test_the_centre_dashboard_costs_the_same_queries_for_one_or_four_projects(
    track: Track, django_assert_max_num_queries: Any
) -> None:
    w = track.world
    draft(w, track.project, START)
    tracking_settings()
    few = queries_of(w.center_admin)
    for n in range(3):
        project = dispatched_project(w, name=f"批量项目{n}", officer=track.other_officer)
        plan_draft_from_entrustment(actor=track.other_officer.user, project=project, start_date=START)
    track.driver.to(item_of(track.project, "A"), "supplement_requested")
    many = queries_of(w.center_admin)
    assert many == few
    client = client_for(w.center_admin)
    # every kind of 待办 the centre has (review queue, guide changes, difficulties, closure's, evaluation's,
    # complaints', publicity's…) counted in one statement, none per row: a new app's to-do costs nothing here
    with django_assert_max_num_queries(22):
        assert client.get("/").status_code == 200


def test_an_officers_dashboard_costs_the_same_queries_for_few_or_many_todo_rows(
    track: Track, django_assert_max_num_queries: Any
) -> None:
    w = track.world
    draft(w, track.project, START)
    tracking_settings()
    few = queries_of(w.officer_user)
    for n in range(3):
        draft(w, dispatched_project(w, name=f"批量项目{n}"), START)
    html = page(w.officer_user).content.decode()
    assert len(lights_in_order(html)) == 20
    many = queries_of(w.officer_user)
    assert many == few
    client = client_for(w.officer_user)
    with django_assert_max_num_queries(25):
        assert client.get("/").status_code == 200


def _obligation(track: Track, days: int, title: str) -> Any:
    from django.utils import timezone

    from liaison.tracking.services.obligations import obligation_create

    return obligation_create(
        actor=track.world.officer_user,
        project=track.project,
        kind="material",
        title=title,
        due_on=timezone.localdate() + dt.timedelta(days=days),
    )


def test_the_applicant_sees_its_dated_to_dos_and_ticks_one_off_from_the_dashboard(track: Track) -> None:
    w = track.world
    draft(w, track.project, START)
    first = _obligation(track, 0, "补交营业执照副本")
    second = _obligation(track, 20, "缴纳人防易地建设费")
    html = page(w.applicant).content.decode()
    assert 'data-testid="obligations-panel"' in html
    assert html.index("补交营业执照副本") < html.index("缴纳人防易地建设费")  # soonest first
    assert f'data-testid="obligation-{first.pk}" data-light="yellow"' in html
    assert f'data-testid="obligation-{second.pk}" data-light="green"' in html
    client = client_for(w.applicant)
    response = client.post(f"/tracking/obligations/{first.pk}/done/", {"next": "/"})
    assert response.status_code == 302 and response["Location"] == "/"
    html = page(w.applicant).content.decode()
    assert "补交营业执照副本" not in html and "缴纳人防易地建设费" in html
    assert 'data-testid="obligations-panel"' not in page(w.officer_user).content.decode()
    other = page(w.other_applicant).content.decode()  # another enterprise: its own (empty) list
    assert 'data-testid="obligations-panel"' in other and "缴纳人防易地建设费" not in other


def test_the_applicants_dashboard_costs_the_same_queries_for_one_or_five_to_dos(track: Track) -> None:
    w = track.world
    draft(w, track.project, START)
    tracking_settings()
    _obligation(track, 3, "待办0")
    one = queries_of(w.applicant)
    for n in range(1, 5):
        _obligation(track, 3 + n, f"待办{n}")
    assert page(w.applicant).content.decode().count('data-testid="obligation-done-') == 5
    assert queries_of(w.applicant) == one


def test_the_dashboard_lists_the_busiest_officers_and_links_to_all_of_them_paged(
    track: Track, monkeypatch: pytest.MonkeyPatch
) -> None:
    from liaison.intake.tests.test_services_support import register_officer
    from liaison.officers.models import Officer, OfficerStatus

    for n in range(3):
        register_officer(track.world.center_admin, f"extra{n}")
    active = Officer.objects.filter(status=OfficerStatus.ACTIVE).count()
    assert active >= 4
    monkeypatch.setattr("liaison.web.selectors.OFFICERS_ON_DASHBOARD", 2)
    monkeypatch.setattr("liaison.tracking.views.overview.OFFICERS_PER_PAGE", 3)
    response = page(track.world.center_admin)
    tables = response.context["summary"]["overview_tables"]
    assert len(tables["officers"]) == 2 and tables["officers_total"] == active
    html = response.content.decode()
    assert 'data-testid="all-officers"' in html and f"查看全部 {active} 名联络官" in html
    client = client_for(track.world.center_admin)
    first = client.get("/tracking/overview/")
    assert first.status_code == 200 and len(first.context["page_obj"]) == 3
    last = client.get("/tracking/overview/", {"page": first.context["page_obj"].paginator.num_pages})
    shown = [load.officer.pk for p in (first, last) for load in p.context["page_obj"]]
    assert len(set(shown)) == len(shown)  # pages do not overlap
    busiest = [load.officer.pk for load in response.context["summary"]["overview"].officers]
    assert len(busiest) == 2  # the dashboard loads only the officers it shows
    assert shown[:2] == busiest  # the same order as the dashboard's


def test_the_overview_pages_show_every_officer_once_in_the_eager_order_loading_one_page_each(
    track: Track, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from liaison.intake.tests.test_services_support import register_officer
    from liaison.tracking.selectors.dashboards import centre_overview

    for n in range(5):
        register_officer(track.world.center_admin, f"more{n}")
    eager = centre_overview().officers
    monkeypatch.setattr("liaison.tracking.views.overview.OFFICERS_PER_PAGE", 2)
    client = client_for(track.world.center_admin)
    first = client.get("/tracking/overview/")
    pages = first.context["page_obj"].paginator.num_pages
    assert pages == -(-len(eager) // 2) >= 3
    shown = []
    for number in range(1, pages + 1):
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/tracking/overview/", {"page": number})
        shown += list(response.context["page_obj"])
        officer_reads = [q["sql"] for q in queries if 'FROM "officers_officer"' in q["sql"]]
        assert len(officer_reads) == 2  # the ranking (ids and numbers), then the page's officers
    assert shown == list(eager)
