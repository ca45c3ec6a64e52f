"""Public pages are cached per language with an "as of" time; the process is drawn from the declared
workflows with the limits read from the settings rows."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from liaison.closure.models import ClosureSettings
from liaison.closure.workflows import SERVICE_WORKFLOW
from liaison.core.workflow import REGISTRY, Transition, Workflow
from liaison.directory.roles import Role
from liaison.portal.cache import Cached, cache_seconds, portal_cached_from
from liaison.portal.process import PROCESS, ProcessStep, diagram, main_path, process_diagrams

pytestmark = pytest.mark.django_db


def test_a_cached_page_shows_the_same_as_of_time_until_the_cache_is_emptied(django_assert_max_num_queries):
    client = Client()
    first = client.get(reverse("portal:statistics")).content.decode()
    with django_assert_max_num_queries(2):  # the session/auth of an anonymous visitor, nothing of the page
        second = client.get(reverse("portal:statistics")).content.decode()
    marker = 'data-testid="as-of">'
    assert first.split(marker)[1][:40] == second.split(marker)[1][:40]
    assert "本页信息截至" in first


def test_the_cache_is_kept_per_language():
    client = Client()
    assert "办事流程" in client.get(reverse("portal:process")).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("portal:process")).content.decode()
    assert 'lang="en"' in html


def test_the_main_paths_follow_the_workflows():
    assert main_path(SERVICE_WORKFLOW, "completed") == [
        "in_service",
        "completion_prepared",
        "receipt_confirmed",
        "completed",
    ]
    assert [s.workflow.name for s in PROCESS] == ["entrustment", "project_item", "service", "follow_up"]


def test_every_declared_transition_and_state_is_drawn():
    for d in process_diagrams():
        drawn = {(e.source, e.target) for e in d.edges}
        declared = {(s, t.target) for t in d.step.workflow.transitions for s in t.sources}
        assert drawn == declared
        assert {n.state for n in d.nodes} == set(d.step.workflow.states)


def test_a_workflow_is_drawn_from_its_declaration_alone():
    flow = Workflow(
        name="portal_test_flow",
        states={"a": "甲", "b": "乙", "c": "丙", "x": "退出"},
        initial="a",
        transitions=(
            Transition("go", frozenset({"a"}), "b", frozenset({Role.APPLICANT}), "前进"),
            Transition("end", frozenset({"b"}), "c", frozenset({Role.CENTER_ADMIN}), "办结"),
            Transition("quit", frozenset({"a", "b"}), "x", frozenset({Role.APPLICANT}), "退出"),
        ),
    )
    REGISTRY.pop("portal_test_flow")  # declared for this test only: not one of the platform's
    d = diagram(ProcessStep("t", "测试", "", flow, "c"), {})
    assert [n.label for n in d.main_path] == ["甲", "乙", "丙"]
    assert [(n.label, n.main) for n in d.nodes if not n.main] == [("退出", False)]
    assert {(e.source, e.target, e.label, e.main) for e in d.edges} == {
        ("a", "b", "前进", True),
        ("b", "c", "办结", True),
        ("a", "x", "退出", False),
        ("b", "x", "退出", False),
    }
    assert len(d.svg_lines) == 4


def test_the_promised_limits_come_from_the_settings_rows():
    ClosureSettings.objects.update_or_create(pk=1, defaults={"receipt_days": 9, "confirmation_days": 4})
    html = Client().get(reverse("portal:process")).content.decode()
    assert "项目单位确认资料移交清单：<strong>9 个工作日</strong>" in html
    assert "中心确认办结或终止：<strong>4 个工作日</strong>" in html
    assert html.count('data-testid="process-svg"') == len(PROCESS)


@pytest.mark.parametrize("first", ["portal:statistics", "portal:home"])
def test_the_home_and_statistics_pages_show_their_figures_and_the_same_time_in_either_order(first):
    """The statistics page's fragment and the statistics it is drawn from are cached apart: whichever page
    is asked first, both keep showing their figures, also from the cache, with the statistics' own time."""
    client = Client()
    marker = 'data-testid="as-of">'
    second = "portal:home" if first == "portal:statistics" else "portal:statistics"
    pages = {}
    for name in (first, second, first, second):  # the second round is served from the cache
        pages[name] = client.get(reverse(name)).content.decode()
        if name == "portal:statistics":
            assert 'data-testid="total-served"' in pages[name]
        else:
            assert 'data-testid="home-figures"' in pages[name]
    assert pages["portal:home"].split(marker)[1][:40] == pages["portal:statistics"].split(marker)[1][:40]


def test_a_value_drawn_from_a_cached_source_keeps_its_time_and_expires_with_it():
    builds: list[object] = []

    def build(origin: Cached) -> str:
        builds.append(origin.value)
        return f"from {origin.value}"

    fresh = Cached("fresh", timezone.now() - dt.timedelta(seconds=10))
    first = portal_cached_from("derived-fresh", lambda: fresh, build)
    again = portal_cached_from("derived-fresh", lambda: fresh, build)
    assert (first.value, first.as_of) == ("from fresh", fresh.as_of) and again == first
    assert builds == ["fresh"]  # the second call was a hit: neither the source's value nor a rebuild needed

    stale = Cached("stale", timezone.now() - dt.timedelta(seconds=cache_seconds() + 1))
    portal_cached_from("derived-stale", lambda: stale, build)
    portal_cached_from("derived-stale", lambda: stale, build)
    assert builds == ["fresh", "stale", "stale"]  # the source's period is over: nothing was kept
