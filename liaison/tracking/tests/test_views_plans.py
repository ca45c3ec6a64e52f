"""The service plan page: drafting, the Gantt data, rescheduling with a preview, versions and proposals."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from liaison.tracking.models import PlanDateProposal, PlanVersion, ServicePlan
from liaison.tracking.services.plans import plan_confirm
from liaison.tracking.tests.builders import draft, item_of
from liaison.tracking.tests.conftest import START

pytestmark = pytest.mark.django_db


def _messages(response) -> str:
    return " ".join(str(m) for m in response.context["messages"]) if response.context else ""


def _post(client, user, url, data):
    client.force_login(user)
    return client.post(url, data, follow=True)


def test_the_officer_drafts_the_plan_from_the_entrustment(client, track):
    url = reverse("tracking:plan", args=[track.project.pk])
    client.force_login(track.world.officer_user)
    assert 'data-testid="draft-form"' in client.get(url).content.decode()
    draft_url = reverse("tracking:plan_draft", args=[track.project.pk])
    response = _post(client, track.world.officer_user, draft_url, {"start_date": START.isoformat()})
    assert "服务方案已起草" in _messages(response)
    plan = ServicePlan.objects.get(project=track.project)
    assert plan.start_date == START
    data = response.context["data"]
    assert [i["name"].split()[0] for i in data["items"]] == ["A", "B", "C", "D", "E"]
    assert all(i["planned"][0] and i["planned"][1] for i in data["items"])
    html = response.content.decode()
    assert 'id="plan-data"' in html and 'id="gantt"' in html and "echarts.min.js" in html


def test_a_draft_without_a_valid_date_is_refused_and_nothing_is_saved(client, track):
    url = reverse("tracking:plan_draft", args=[track.project.pk])
    response = _post(client, track.world.officer_user, url, {"start_date": "2026-13-40"})
    assert "请填写有效的日期" in _messages(response)
    assert not ServicePlan.objects.exists()


def test_the_enterprise_may_not_draft_and_sees_no_form(client, track):
    url = reverse("tracking:plan", args=[track.project.pk])
    client.force_login(track.world.applicant)
    assert 'data-testid="draft-form"' not in client.get(url).content.decode()
    response = _post(
        client,
        track.world.applicant,
        reverse("tracking:plan_draft", args=[track.project.pk]),
        {"start_date": START},
    )
    assert _messages(response)
    assert not ServicePlan.objects.exists()


def test_the_plan_is_not_found_for_another_enterprise(client, track):
    draft(track.world, track.project, START)
    client.force_login(track.world.other_applicant)
    assert client.get(reverse("tracking:plan", args=[track.project.pk])).status_code == 404
    url = reverse("tracking:plan_draft", args=[track.project.pk])
    assert client.post(url, {"start_date": START}).status_code == 404


def test_rescheduling_previews_the_moved_dependents_then_applies_on_confirm(client, track):
    draft(track.world, track.project, START)
    a, b = item_of(track.project, "A"), item_of(track.project, "B")
    old_b = b.planned_start
    url = reverse("tracking:item_reschedule", args=[a.pk])
    new_start = (START + dt.timedelta(days=21)).isoformat()
    client.force_login(track.world.officer_user)
    preview = client.post(url, {"planned_start": new_start})
    assert preview.status_code == 200
    assert (
        "事项B" in preview.content.decode() and 'data-testid="reschedule-confirm"' in preview.content.decode()
    )
    b.refresh_from_db()
    assert b.planned_start == old_b
    client.post(url, {"planned_start": new_start, "confirm": "1"})
    b.refresh_from_db()
    assert b.planned_start > old_b


def test_the_enterprise_may_not_reschedule(client, track):
    draft(track.world, track.project, START)
    a = item_of(track.project, "A")
    old = a.planned_start
    response = _post(
        client,
        track.world.applicant,
        reverse("tracking:item_reschedule", args=[a.pk]),
        {"planned_start": "2026-12-01", "confirm": "1"},
    )
    assert _messages(response)
    a.refresh_from_db()
    assert a.planned_start == old


def test_confirming_makes_a_version_and_the_diff_shows_what_changed(client, track):
    draft(track.world, track.project, START)
    url = reverse("tracking:plan_confirm", args=[track.project.pk])
    _post(client, track.world.officer_user, url, {"reason": "与企业商定"})
    assert PlanVersion.objects.get().number == 1
    response = _post(client, track.world.officer_user, url, {})
    assert "无需再次确认" in _messages(response)
    a = item_of(track.project, "A")
    client.post(
        reverse("tracking:item_reschedule", args=[a.pk]), {"planned_start": "2026-10-19", "confirm": "1"}
    )
    html = client.get(reverse("tracking:plan", args=[track.project.pk]) + "?diff=1").content.decode()
    assert 'data-testid="diff"' in html and "事项A" in html


def test_a_guide_proposes_a_date_and_the_officer_accepts_or_declines(client, track, second_guide):
    draft(track.world, track.project, START)
    plan_confirm(actor=track.world.officer_user, project=track.project)
    a, e = item_of(track.project, "A"), item_of(track.project, "E")
    client.force_login(second_guide)
    html = client.get(reverse("tracking:plan", args=[track.project.pk])).content.decode()
    assert "事项E" in html and "事项A" not in html
    response = _post(client, second_guide, reverse("tracking:item_propose", args=[a.pk]), {})
    assert response.status_code == 404
    url = reverse("tracking:item_propose", args=[e.pk])
    response = _post(client, second_guide, url, {"proposed_start": "2026-11-02", "reason": ""})
    assert "请填写理由" in _messages(response)
    _post(client, second_guide, url, {"proposed_start": "2026-11-02", "reason": "需现场踏勘"})
    proposal = PlanDateProposal.objects.get()
    response = _post(client, second_guide, reverse("tracking:proposal_accept", args=[proposal.pk]), {})
    assert _messages(response)
    response = _post(
        client, track.world.officer_user, reverse("tracking:proposal_decline", args=[proposal.pk]), {}
    )
    assert _messages(response)
    proposal.refresh_from_db()
    assert proposal.status == "proposed"
    _post(
        client,
        track.world.officer_user,
        reverse("tracking:proposal_accept", args=[proposal.pk]),
        {"note": "同意"},
    )
    proposal.refresh_from_db()
    e.refresh_from_db()
    assert proposal.status == "accepted" and e.planned_start == dt.date(2026, 11, 2)


def test_two_confirmed_versions_can_be_compared(client, track):
    draft(track.world, track.project, START)
    plan_confirm(actor=track.world.officer_user, project=track.project)
    client.force_login(track.world.officer_user)
    a = item_of(track.project, "A")
    client.post(
        reverse("tracking:item_reschedule", args=[a.pk]), {"planned_start": "2026-10-19", "confirm": "1"}
    )
    plan_confirm(actor=track.world.officer_user, project=track.project, reason="顺延")
    url = reverse("tracking:plan", args=[track.project.pk])
    html = client.get(url + "?diff=1&to=2").content.decode()
    assert 'data-testid="diff"' in html and "事项B" in html
    assert 'data-testid="diff"' not in client.get(url + "?diff=9").content.decode()


def test_the_tracking_page_of_a_project_without_a_plan_says_so(client, track):
    client.force_login(track.world.officer_user)
    html = client.get(reverse("tracking:project", args=[track.project.pk])).content.decode()
    assert "尚未制定服务方案" in html
