"""Adding one catalogue item to an existing plan from the plan page (and the API): placed after its
prerequisites; duplicates, inactive or unknown items and other roles get a message, nothing half-saved."""

from __future__ import annotations

import pytest
from django.urls import reverse

from liaison.catalogue.models import ApprovalItem
from liaison.tracking.models import ProjectItem, ServicePlan
from liaison.tracking.tests.builders import dispatched_project, draft, item_of, make_catalogue_item
from liaison.tracking.tests.conftest import START

pytestmark = pytest.mark.django_db


def _messages(response) -> str:
    return " ".join(str(m) for m in response.context["messages"]) if response.context else ""


@pytest.fixture
def extra(track, department):
    """A plan drafted from the entrustment (A–E), then item F (after A) added to the catalogue."""
    draft(track.world, track.project, START)
    return make_catalogue_item(
        track.world.center_admin,
        department,
        "F",
        limit=4,
        prerequisites=(track.items["A"],),
        guide=track.world.guide,
    )


def _add(client, user, project, value):
    client.force_login(user)
    return client.post(
        reverse("tracking:plan_item_add", args=[project.pk]), {"approval_item": value}, follow=True
    )


def test_the_officer_adds_a_catalogue_item_to_the_plan_after_its_prerequisite(client, track, extra):
    w = track.world
    client.force_login(w.officer_user)
    html = client.get(reverse("tracking:plan", args=[track.project.pk])).content.decode()
    assert 'data-testid="add-item-form"' in html
    assert f'<option value="{extra.pk}">F ' in html
    assert f'<option value="{track.items["A"].pk}">' not in html  # already in the plan
    response = _add(client, w.officer_user, track.project, extra.pk)
    assert "已将“事项F”加入方案" in _messages(response)
    f = item_of(track.project, "F")
    a = item_of(track.project, "A")
    assert f.planned_start >= a.planned_due and f.state == "planned"
    assert ServicePlan.objects.get(project=track.project).changed_since_version
    assert f'<option value="{extra.pk}">' not in response.content.decode()


@pytest.mark.parametrize(
    ("value", "message"),
    [("", "请选择要加入方案的事项"), ("abc", "请选择要加入方案的事项"), ("999999", "所选事项不在事项目录中")],
    ids=["empty", "not-a-number", "unknown"],
)
def test_bad_choices_show_a_message(client, track, extra, value, message):
    before = ProjectItem.objects.count()
    response = _add(client, track.world.officer_user, track.project, value)
    assert response.status_code == 200 and message in _messages(response)
    assert ProjectItem.objects.count() == before


def test_an_item_already_in_the_plan_or_inactive_is_refused(client, track, extra):
    before = ProjectItem.objects.count()
    response = _add(client, track.world.officer_user, track.project, track.items["A"].pk)
    assert "已在方案中" in _messages(response)
    ApprovalItem.objects.filter(pk=extra.pk).update(is_active=False)
    response = _add(client, track.world.officer_user, track.project, extra.pk)
    assert "已停用" in _messages(response)
    assert ProjectItem.objects.count() == before


def test_without_a_plan_the_officer_is_told_to_draft_first(client, track, extra):
    project = dispatched_project(track.world, name="尚无方案的项目")
    response = _add(client, track.world.officer_user, project, extra.pk)
    assert "请先起草服务方案" in _messages(response)
    assert not ProjectItem.objects.filter(project=project).exists()


@pytest.mark.parametrize("who", ["applicant", "guide"])
def test_the_enterprise_and_guides_may_not_add_and_see_no_form(client, track, extra, who):
    user = getattr(track.world, who)
    client.force_login(user)
    html = client.get(reverse("tracking:plan", args=[track.project.pk])).content.decode()
    assert 'data-testid="add-item-form"' not in html
    response = _add(client, user, track.project, extra.pk)
    assert response.status_code == 200 and "联络官" in _messages(response)
    assert not ProjectItem.objects.filter(project=track.project, approval_item=extra).exists()


def test_another_enterprise_gets_404(client, track, extra):
    response = _add(client, track.world.other_applicant, track.project, extra.pk)
    assert response.status_code == 404
    assert not ProjectItem.objects.filter(approval_item=extra).exists()


def test_the_api_adds_an_item_with_the_same_rules(client, track, extra):
    url = f"/api/v1/tracking/projects/{track.project.pk}/plan/items"
    client.force_login(track.world.officer_user)
    created = client.post(url, {"approval_item_id": extra.pk}, content_type="application/json")
    assert created.status_code == 201, created.content
    assert created.json()["code"] == "F" and created.json()["state"] == "planned"
    again = client.post(url, {"approval_item_id": extra.pk}, content_type="application/json")
    assert again.status_code == 400 and "已在方案中" in again.json()["detail"]
    unknown = client.post(url, {"approval_item_id": 999999}, content_type="application/json")
    assert unknown.status_code == 400 and unknown.json()["detail"]
    client.force_login(track.world.applicant)
    assert (
        client.post(url, {"approval_item_id": extra.pk}, content_type="application/json").status_code == 403
    )
    client.force_login(track.world.other_applicant)
    assert (
        client.post(url, {"approval_item_id": extra.pk}, content_type="application/json").status_code == 404
    )
