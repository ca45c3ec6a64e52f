"""The 待办 registry on the dashboard and in the sidebar: one list of counts per user, the same figures in
both places, every role's card leading to its lists, and a query count that does not grow with rows."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import re
from typing import Any

import pytest

from liaison.consultations.services.consultations import consultation_raise
from liaison.coordination.services.difficulties import difficulty_raise
from liaison.directory.todos import todo_sources
from liaison.intake.tests.test_services_support import (  # noqa: F401 - fixtures
    fast_passwords,
    make_project,
    register_officer,
    request_in,
    world,
)
from liaison.tracking.lights import tracking_settings
from liaison.tracking.tests.builders import dispatched_project, draft, item_of
from liaison.tracking.tests.conftest import (  # noqa: F401 - fixtures
    START,
    Track,
    _media,
    catalogue,
    track,
)
from liaison.web.tests.test_dashboard import client_for, page, queries_of

pytestmark = pytest.mark.django_db
ROLES = (
    "center_admin",
    "center_leader",
    "supervisor",
    "project_office",
    "officer_user",
    "guide",
    "department_admin",
    "applicant",
)


def card_counts(html: str) -> dict[str, int]:
    """The dashboard card's figures by list, added up as the sidebar adds them."""
    counts: dict[str, int] = {}
    for name, n in re.findall(r'data-testid="todo-count" data-url-name="([\w:]+)">(\d+)<', html):
        counts[name] = counts.get(name, 0) + int(n)
    return {name: n for name, n in counts.items() if n}


def sidebar_badges(response: Any) -> dict[str, int]:
    from django.urls import reverse

    names = {reverse(s.url_name): s.url_name for s in todo_sources()}
    return {names[e["url"]]: e["badge"] for e in response.context["nav_entries"] if e["badge"]}


def busy(track: Track) -> None:
    """Work waiting on every role: items for the officer and the guide, a consultation for the guide, a
    difficulty for the officer, a submitted request for the centre, a returned one for the enterprise."""
    w = track.world
    draft(w, track.project, START)
    track.driver.to(item_of(track.project, "A"), "submitted")
    consultation_raise(
        actor=w.officer_user,
        project=track.project,
        subject="用地规划许可材料",
        situation="项目已取得用地预审意见",
        requests="请告知所需材料",
        channel="phone",
        approval_item=track.items["B"],
    )
    difficulty_raise(
        actor=w.officer_user,
        project=track.project,
        title="红线调整",
        description="需协调",
        analysis="部门职责交叉",
        proposal="提请中心协调",
    )
    request_in("submitted", applicant=w.applicant, admin=w.center_admin)
    request_in("returned", applicant=w.applicant, admin=w.center_admin)


def test_every_kind_of_waiting_work_is_registered_by_its_app() -> None:
    keys = {s.key for s in todo_sources()}
    assert {
        "catalogue.guide_changes",
        "intake.review",
        "intake.returned",
        "consultations.inbox",
        "coordination.difficulties",
        "coordination.actions",
        "tracking.items",
        "tracking.obligations",
    } <= keys


@pytest.mark.parametrize("role", ROLES)
def test_each_roles_dashboard_todo_card_equals_its_sidebar_badges(track: Track, role: str) -> None:
    busy(track)
    response = page(track.world.persona(role))
    assert card_counts(response.content.decode()) == sidebar_badges(response)


def test_the_centre_sees_the_review_queue_and_the_guide_its_consultations_on_the_card(track: Track) -> None:
    busy(track)
    admin = page(track.world.center_admin).content.decode()
    assert card_counts(admin)["intake:review_queue"] == 1
    assert 'href="/intake/review/?status=submitted" data-testid="todo-link-intake.review"' in admin
    guide = card_counts(page(track.world.guide).content.decode())
    assert guide["consultations:inbox"] == 1
    assert guide["tracking:todo"] == 1  # item A waits on the department
    officer = card_counts(page(track.world.officer_user).content.decode())
    assert officer["coordination:list"] == 1
    assert officer["tracking:todo"] == 4  # B–E are planned; A waits on the guide
    assert card_counts(page(track.world.applicant).content.decode())["intake:request_list"] == 1


def test_the_officers_todo_menu_item_carries_the_count_its_page_lists(track: Track) -> None:
    busy(track)
    client = client_for(track.world.officer_user)
    badges = sidebar_badges(client.get("/"))
    listed = client.get("/tracking/todo/").content.decode().count('data-testid="todo-row"')
    assert badges["tracking:todo"] == listed == 4


def test_the_project_office_has_a_todo_card_with_the_difficulties_escalated_to_it(track: Track) -> None:
    busy(track)
    html = page(track.world.project_office).content.decode()
    assert 'data-testid="todo-card"' in html
    assert 'data-testid="todo-link-coordination.difficulties"' in html


def test_the_difficulty_entry_opens_the_list_of_those_waiting_on_the_reader(track: Track) -> None:
    busy(track)
    client = client_for(track.world.officer_user)
    html = client.get("/coordination/difficulties/?state=waiting").content.decode()
    assert "红线调整" in html and 'data-testid="tab-waiting"' in html


@pytest.mark.parametrize("role", ["center_admin", "center_leader", "supervisor", "department_admin"])
def test_those_who_run_the_catalogue_see_its_figures(track: Track, role: str) -> None:
    assert 'data-testid="catalogue-stats"' in page(track.world.persona(role)).content.decode()


@pytest.mark.parametrize("role", ["applicant", "officer_user", "guide", "project_office"])
def test_those_who_use_the_catalogue_do_not_see_its_figures(track: Track, role: str) -> None:
    assert 'data-testid="catalogue-stats"' not in page(track.world.persona(role)).content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_each_roles_dashboard_costs_the_same_queries_with_more_rows(track: Track, role: str) -> None:
    w = track.world
    busy(track)
    tracking_settings()
    user = w.persona(role)
    few = queries_of(user)
    for n in range(2):
        project = dispatched_project(w, name=f"更多项目{n}")
        draft(w, project, START)
        track.driver.to(item_of(project, "A"), "submitted")
        difficulty_raise(
            actor=w.officer_user,
            project=project,
            title=f"难点{n}",
            description="需协调",
            analysis="部门职责交叉",
            proposal="提请中心协调",
        )
        request_in(
            "submitted", applicant=w.applicant, admin=w.center_admin, project=make_project(w.applicant)
        )
    assert queries_of(user) == few
