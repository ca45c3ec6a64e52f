"""The plan editor as a user meets it: the start date already filled in, items left out with a reason
before the plan is confirmed, and every action button saying what it does."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from liaison.tracking.models import ProjectItemState
from liaison.tracking.services.plans import plan_confirm
from liaison.tracking.tests.builders import draft, item_of
from liaison.tracking.tests.conftest import START
from liaison.workcal.calendar import is_workday

pytestmark = pytest.mark.django_db


def test_the_draft_form_proposes_the_next_working_day(client, track):
    client.force_login(track.world.officer_user)
    response = client.get(reverse("tracking:plan", args=[track.project.pk]))
    proposed = response.context["draft_form"].initial["start_date"]
    today = timezone.localdate()
    assert proposed > today and is_workday(proposed)
    between = [today + dt.timedelta(days=n) for n in range(1, (proposed - today).days)]
    assert not any(is_workday(day) for day in between)
    assert f'value="{proposed.isoformat()}"' in response.content.decode()


def test_an_item_is_left_out_of_a_draft_plan_with_its_reason(client, track):
    draft(track.world, track.project, START)
    plan_url = reverse("tracking:plan", args=[track.project.pk])
    client.force_login(track.world.officer_user)
    html = client.get(plan_url).content.decode()
    assert 'data-testid="leave-out-E"' in html
    item = item_of(track.project, "E")
    url = reverse("tracking:item_transition", args=[item.pk])

    refused = client.post(url, {"name": "mark_not_needed", "comment": "", "next": plan_url})
    assert refused.status_code == 302 and refused["Location"] == plan_url
    item.refresh_from_db()
    assert item.state == ProjectItemState.PLANNED  # no reason, nothing changes

    done = client.post(url, {"name": "mark_not_needed", "comment": "本项目不涉及人防工程", "next": plan_url})
    assert done["Location"] == plan_url
    item.refresh_from_db()
    assert item.state == ProjectItemState.NOT_NEEDED
    step = item.transitions.get(to_state=ProjectItemState.NOT_NEEDED)
    assert step.comment == "本项目不涉及人防工程" and step.actor == track.world.officer_user


def test_after_confirmation_items_are_no_longer_left_out_from_the_plan_page(client, track):
    draft(track.world, track.project, START)
    plan_confirm(actor=track.world.officer_user, project=track.project, reason="")
    client.force_login(track.world.officer_user)
    html = client.get(reverse("tracking:plan", args=[track.project.pk])).content.decode()
    assert 'data-testid="leave-out-' not in html


def test_the_enterprise_sees_no_leave_out_form(client, track):
    draft(track.world, track.project, START)
    client.force_login(track.world.applicant)
    html = client.get(reverse("tracking:plan", args=[track.project.pk])).content.decode()
    assert 'data-testid="leave-out-' not in html


def test_each_action_button_says_what_it_does(client, track):
    draft(track.world, track.project, START)
    client.force_login(track.world.officer_user)
    html = client.get(reverse("tracking:project", args=[track.project.pk])).content.decode()
    item = item_of(track.project, "A")
    assert f'data-testid="help-withdraw-{item.pk}"' in html
    assert "不再申办该事项" in html and "不计入办结率" in html
    assert 'title="开始收集本事项的申报材料' in html
