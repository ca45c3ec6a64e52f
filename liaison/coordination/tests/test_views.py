"""The difficulty pages: raise on the project's page, the list by state, one difficulty with its steps;
bad input re-shows the form with the message; outsiders get 404; queries do not grow with the rows."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from liaison.coordination.deadlines import coordination_settings
from liaison.coordination.models import Difficulty
from liaison.coordination.services.difficulties import difficulty_raise, difficulty_step

pytestmark = pytest.mark.django_db


def _raise(case, n=1):
    return [
        difficulty_raise(
            actor=case.world.officer_user,
            project=case.project,
            title=f"难点{i}",
            description="说明",
            analysis="分析",
            proposal="建议",
        )
        for i in range(n)
    ][-1]


def test_the_officer_raises_a_difficulty_from_the_project_page(client, case):
    client.force_login(case.world.officer_user)
    url = reverse("coordination:project", args=[case.project.pk])
    page = client.get(url).content.decode()
    assert 'data-testid="raise-form"' in page and case.item.approval_item.name in page
    response = client.post(
        url,
        {
            "title": "施工图审查意见反复",
            "project_item": str(case.item.pk),
            "description": "审图机构第三次提出新的意见。",
            "analysis": "意见未一次性告知。",
            "proposal": "请中心督促一次性告知。",
        },
    )
    made = Difficulty.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "coordination:detail", args=[made.pk]
    )
    assert (made.project_item, made.raised_by) == (case.item, case.world.officer_user)


def test_bad_input_re_shows_the_form_with_messages_and_saves_nothing(client, case):
    client.force_login(case.world.officer_user)
    url = reverse("coordination:project", args=[case.project.pk])
    response = client.post(url, {"title": "", "description": "", "project_item": "999999"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "请填写问题。" in html and "请填写问题描述。" in html and "所选事项不属于本项目。" in html
    assert not Difficulty.objects.exists()


def test_others_get_404_and_the_enterprise_no_form(client, case):
    w = case.world
    d = _raise(case)
    client.force_login(case.other_officer.user)
    assert client.get(reverse("coordination:detail", args=[d.pk])).status_code == 404
    assert client.get(reverse("coordination:project", args=[case.project.pk])).status_code == 404
    post = client.post(reverse("coordination:step", args=[d.pk, "report"]), {"report-comment": "x"})
    assert post.status_code == 404
    client.force_login(case.world.applicant)
    assert client.get(reverse("coordination:detail", args=[d.pk])).status_code == 404  # not resolved yet
    page = client.get(reverse("coordination:project", args=[case.project.pk]))
    assert page.status_code == 200 and 'data-testid="raise-form"' not in page.content.decode()
    assert (
        client.post(reverse("coordination:project", args=[case.project.pk]), {"title": "x"}).status_code
        == 404
    )
    client.force_login(w.guide)  # the item's guide sees the tracking page, not the difficulties
    assert client.get(reverse("coordination:project", args=[case.project.pk])).status_code == 404
    assert client.get(reverse("coordination:detail", args=[d.pk])).status_code == 404


def test_steps_from_the_page_and_their_refusals(client, case):
    w = case.world
    d = _raise(case)
    client.force_login(w.officer_user)
    detail = reverse("coordination:detail", args=[d.pk])
    page = client.get(detail).content.decode()
    assert 'data-testid="action-report"' in page and 'data-testid="action-escalate"' not in page
    empty = client.post(reverse("coordination:step", args=[d.pk, "report"]), {"report-comment": " "})
    assert empty.status_code == 400 and "请填写说明。" in empty.content.decode()
    ok = client.post(
        reverse("coordination:step", args=[d.pk, "report"]), {"report-comment": "需中心协调"}, follow=True
    )
    assert "已上报中心" in ok.content.decode()
    again = client.post(
        reverse("coordination:step", args=[d.pk, "report"]), {"report-comment": "再报"}, follow=True
    )
    assert "不能执行" in again.content.decode()  # the state moved on: a message, not an error page

    client.force_login(w.center_admin)
    page = client.get(detail).content.decode()
    assert 'data-testid="action-escalate"' in page
    no_category = client.post(
        reverse("coordination:step", args=[d.pk, "escalate"]), {"escalate-comment": "附材料"}
    )
    assert no_category.status_code == 400 and "请选择重大问题类别" in no_category.content.decode()
    client.post(
        reverse("coordination:step", args=[d.pk, "escalate"]),
        {"escalate-comment": "附材料", "escalate-category": "pilot_reform_conflict"},
    )
    d.refresh_from_db()
    assert (d.state, d.category) == ("awaiting_approval", "pilot_reform_conflict")
    client.force_login(w.center_leader)
    page = client.get(detail).content.decode()
    assert 'data-testid="action-approve_escalation"' in page and 'data-testid="action-escalate"' not in page
    declined = client.post(
        reverse("coordination:step", args=[d.pk, "decline_escalation"]),
        {"decline_escalation-comment": "属部门内部事项，中心继续协调"},
        follow=True,
    )
    assert "已退回中心继续协调" in declined.content.decode()
    d.refresh_from_db()
    assert d.state == "reported"
    assert client.post(reverse("coordination:step", args=[d.pk, "made-up"]), {}).status_code == 404


def test_the_list_has_state_tabs_and_its_queries_do_not_grow(client, case):
    w = case.world
    coordination_settings()  # the settings row exists, as it does after the first request
    first = _raise(case)
    difficulty_step(actor=w.officer_user, difficulty=first, name="report", comment="上报")
    client.force_login(w.center_admin)
    url = reverse("coordination:list")
    with CaptureQueriesContext(connection) as one:
        html = client.get(url).content.decode()
    assert "难点0" in html and 'data-testid="tab-reported"' in html
    _raise(case, 8)
    with CaptureQueriesContext(connection) as nine:
        html = client.get(url + "?state=open").content.decode()
    assert html.count('data-testid="difficulty-state"') == 8
    assert len(nine.captured_queries) == len(one.captured_queries)
    assert client.get(url + "?state=bogus").status_code == 200  # falls back to the active tab


def test_the_sidebar_counts_what_waits_on_each_role(client, case):
    w = case.world
    d = _raise(case)

    def badge(user):
        client.force_login(user)
        html = client.get(reverse("coordination:list")).content.decode()
        link = re.search(r'href="/coordination/difficulties/"[^>]*>(.*?)</a>', html, re.S)
        assert link is not None, "the sidebar has the 难点问题 entry"
        count = re.search(r'data-testid="nav-badge">(\d+)<', link.group(1))
        return count.group(1) if count else None

    assert badge(w.officer_user) == "1"  # open on their project
    assert badge(w.center_admin) is None
    difficulty_step(actor=w.officer_user, difficulty=d, name="report", comment="上报")
    assert (badge(w.officer_user), badge(w.center_admin)) == (None, "1")
    difficulty_step(actor=w.center_admin, difficulty=d, name="escalate", comment="提交", category="other")
    assert (badge(w.center_admin), badge(w.center_leader), badge(w.project_office)) == (None, "1", None)
    difficulty_step(actor=w.center_leader, difficulty=d, name="approve_escalation", comment="同意")
    assert (badge(w.center_leader), badge(w.project_office)) == (None, "1")


def test_the_officers_list_and_the_api_list_cost_the_same_queries_for_1_or_8_rows(client, case):
    w = case.world
    coordination_settings()

    def raise_on_item(n):
        for i in range(n):
            difficulty_raise(
                actor=w.officer_user,
                project=case.project,
                project_item=case.item,
                title=f"事项难点{i}",
                description="说明",
                analysis="分析",
                proposal="建议",
            )

    client.force_login(w.officer_user)
    raise_on_item(1)
    with CaptureQueriesContext(connection) as page_one:
        client.get(reverse("coordination:list"))
    with CaptureQueriesContext(connection) as api_one:
        assert len(client.get("/api/v1/coordination/difficulties").json()["items"]) == 1
    raise_on_item(7)
    with CaptureQueriesContext(connection) as page_eight:
        html = client.get(reverse("coordination:list")).content.decode()
    with CaptureQueriesContext(connection) as api_eight:
        rows = client.get("/api/v1/coordination/difficulties").json()["items"]
    assert html.count(case.item.approval_item.name) >= 8 and len(rows) == 8
    assert len(page_eight.captured_queries) == len(page_one.captured_queries)
    assert len(api_eight.captured_queries) == len(api_one.captured_queries)
