"""A deadline the calendar cannot give (a year not entered) looks the same on every page family that
shows a light: the grey "日历缺失" badge carrying the calendar's message, never a crash, never a guess."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from liaison.consultations.models import Consultation
from liaison.coordination.models import Difficulty
from liaison.coordination.tests.conftest import case  # noqa: F401 - fixture
from liaison.deadlines.calendar_policy import calendar_problem
from liaison.intake.tests.test_services_support import fast_passwords, world  # noqa: F401 - fixtures
from liaison.tracking.models import ProjectItem
from liaison.web.tests.deadline_builders import one_of_each

pytestmark = pytest.mark.django_db
YEAR = 2031  # neither in chinese-calendar nor entered by the centre
BADGE = re.compile(
    r'<span class="badge deadline-light text-bg-secondary text-nowrap" data-testid="light" '
    r'data-light="unknown" title="([^"]+)" tabindex="0">'
)


def _missing(case):
    one_of_each(case)
    ProjectItem.objects.filter(pk=case.item.pk).update(due_on=None, calendar_problem_year=YEAR)
    Consultation.objects.update(reply_due=None, calendar_problem_year=YEAR)
    Difficulty.objects.update(due_on=None)


def _badges(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BADGE.findall(response.content.decode())


def test_tracking_pages_show_the_missing_year_the_same_way(client, case):
    _missing(case)
    client.force_login(case.world.officer_user)
    message = calendar_problem(YEAR)
    for url in (
        reverse("tracking:project", args=[case.project.pk]),
        reverse("tracking:plan", args=[case.project.pk]),
        reverse("tracking:item", args=[case.item.pk]),
        reverse("tracking:todo"),
    ):
        assert message in _badges(client, url), url


def test_consultation_pages_show_the_missing_year_the_same_way(client, case):
    _missing(case)
    c = Consultation.objects.get()
    message = calendar_problem(YEAR)
    client.force_login(case.world.officer_user)
    assert message in _badges(client, reverse("consultations:list"))
    assert message in _badges(client, reverse("consultations:detail", args=[c.pk]))
    client.force_login(case.world.guide)
    assert message in _badges(client, reverse("consultations:inbox"))


def test_coordination_pages_show_the_missing_year_the_same_way(client, case):
    _missing(case)
    d = Difficulty.objects.get()
    client.force_login(case.world.center_admin)
    for url in (reverse("coordination:list"), reverse("coordination:detail", args=[d.pk])):
        titles = _badges(client, url)
        assert titles and "尚未录入工作日历" in titles[0], url  # the year is not stored: the general message


def test_the_item_lists_say_the_missing_year_once_in_a_banner_and_keep_the_light_short(client, case):
    _missing(case)
    message = calendar_problem(YEAR)
    for user, url in (
        (case.world.officer_user, reverse("tracking:todo")),
        (case.world.center_admin, reverse("tracking:items") + "?light=unknown"),
    ):
        client.force_login(user)
        html = client.get(url).content.decode()
        assert html.count('data-testid="calendar-missing"') == 1, url
        assert message in _badges(client, url)  # the light: a short label, its explanation as a tooltip
