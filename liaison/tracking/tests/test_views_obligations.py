"""The enterprise's dated to-dos on the project's tracking page (Art. 9): the officer sets one, the
enterprise sees it with its light and ticks it off; outsiders get 404; bad input gets a message."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from liaison.notifications.models import Notification
from liaison.tracking.models import EnterpriseObligation
from liaison.tracking.services.obligations import default_due, obligation_create
from liaison.tracking.tests.builders import draft, item_of
from liaison.tracking.tests.conftest import START

pytestmark = pytest.mark.django_db


def _messages(response) -> str:
    return " ".join(str(m) for m in response.context["messages"]) if response.context else ""


@pytest.fixture
def planned(track):
    draft(track.world, track.project, START)
    return track


def _page(client, user, project):
    client.force_login(user)
    return client.get(reverse("tracking:project", args=[project.pk]))


def _add(client, user, project, **overrides):
    data = {
        "kind": "fee",
        "title": "缴纳城市基础设施配套费",
        "details": "到区住建局窗口缴纳，带回票据。",
        "due_on": (timezone.localdate() + dt.timedelta(days=10)).isoformat(),
        "project_item": "",
        **overrides,
    }
    client.force_login(user)
    return client.post(reverse("tracking:obligation_add", args=[project.pk]), data, follow=True)


def _set(track, days: int, **kw):
    values = {"kind": "attendance", "title": "到窗口现场签字", "details": ""}
    return obligation_create(
        actor=track.world.officer_user,
        project=track.project,
        due_on=timezone.localdate() + dt.timedelta(days=days),
        **{**values, **kw},
    )


def test_the_officer_sees_the_form_with_the_default_due_date_and_adds_a_to_do(client, planned):
    w = planned.world
    html = _page(client, w.officer_user, planned.project).content.decode()
    assert 'data-testid="obligation-add"' in html
    assert f'value="{default_due().isoformat()}"' in html  # the centre's default period
    a = item_of(planned.project, "A")
    response = _add(client, w.officer_user, planned.project, project_item=str(a.pk))
    assert response.status_code == 200
    assert "待办已布置" in _messages(response)
    todo = EnterpriseObligation.objects.get()
    assert (todo.kind, todo.title, todo.project_item, todo.created_by) == (
        "fee",
        "缴纳城市基础设施配套费",
        a,
        w.officer_user,
    )
    assert Notification.objects.filter(kind="obligation.created", recipient=w.applicant).exists()
    assert "缴纳城市基础设施配套费" in response.content.decode()


def test_the_applicant_sees_its_to_dos_first_with_lights_and_marks_one_done(client, planned):
    w = planned.world
    soon = _set(planned, 0, title="今天到期的签字")
    later = _set(planned, 30, kind="material", title="补交环评批复")
    html = _page(client, w.applicant, planned.project).content.decode()
    assert "我单位的待办" in html
    assert html.index('data-testid="obligations"') < html.index('data-testid="items"')  # above the items
    assert f'data-testid="obligation-{soon.pk}" data-light="yellow"' in html
    assert f'data-testid="obligation-{later.pk}" data-light="green"' in html
    assert 'data-testid="obligation-add"' not in html  # the enterprise does not set its own to-dos
    client.force_login(w.applicant)
    response = client.post(reverse("tracking:obligation_done", args=[soon.pk]), follow=True)
    assert "已标记完成" in _messages(response)
    soon.refresh_from_db()
    assert (soon.done, soon.done_by) == (True, w.applicant)
    html = response.content.decode()
    assert f'data-testid="obligation-{soon.pk}" data-light="done"' in html
    assert f'data-testid="obligation-done-{soon.pk}"' not in html
    assert f'data-testid="obligation-done-{later.pk}"' in html


def test_an_overdue_to_do_is_red(client, planned):
    todo = _set(planned, 2)
    EnterpriseObligation.objects.filter(pk=todo.pk).update(due_on=timezone.localdate() - dt.timedelta(days=1))
    html = _page(client, planned.world.officer_user, planned.project).content.decode()
    assert f'data-testid="obligation-{todo.pk}" data-light="red"' in html
    assert "已逾期" in html


def test_marking_done_twice_is_a_warning_not_an_error(client, planned):
    todo = _set(planned, 5)
    client.force_login(planned.world.officer_user)
    url = reverse("tracking:obligation_done", args=[todo.pk])
    client.post(url)
    response = client.post(url, follow=True)
    assert response.status_code == 200
    assert "该待办已完成" in _messages(response)


def test_another_enterprise_gets_404_and_nothing_changes(client, planned):
    w = planned.world
    todo = _set(planned, 5)
    assert _page(client, w.other_applicant, planned.project).status_code == 404
    client.force_login(w.other_applicant)
    assert client.post(reverse("tracking:obligation_done", args=[todo.pk])).status_code == 404
    assert _add(client, w.other_applicant, planned.project).status_code == 404
    todo.refresh_from_db()
    assert not todo.done
    assert EnterpriseObligation.objects.count() == 1


def test_a_guide_sets_a_to_do_for_their_own_item_only(client, planned):
    w = planned.world
    html = _page(client, w.guide, planned.project).content.decode()
    assert 'data-testid="obligation-add"' in html
    form = html[html.index('data-testid="obligation-add"') :]
    a, e = item_of(planned.project, "A"), item_of(planned.project, "E")  # E is the second guide's
    assert f'value="{a.pk}"' in form and f'value="{e.pk}"' not in form

    response = _add(client, w.guide, planned.project)  # no item chosen
    assert "请选择您负责指导的审批事项" in _messages(response)
    response = _add(client, w.guide, planned.project, project_item=str(e.pk))
    assert "所选事项不属于本项目" in _messages(response)
    assert not EnterpriseObligation.objects.exists()

    response = _add(client, w.guide, planned.project, project_item=str(a.pk), title="补交消防设计文件")
    assert "待办已布置" in _messages(response)
    made = EnterpriseObligation.objects.get()
    assert (made.project_item_id, made.title, made.created_by_id) == (a.pk, "补交消防设计文件", w.guide.pk)


def test_the_enterprise_cannot_set_a_to_do_for_itself(client, planned):
    response = _add(client, planned.world.applicant, planned.project)
    assert "只有本项目的联络官" in _messages(response)
    assert not EnterpriseObligation.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": "   "}, "请填写待办事项"),
        ({"title": ""}, "请填写待办事项"),
        ({"kind": "party"}, "请选择待办类型"),
        ({"kind": ""}, "请选择待办类型"),
        ({"due_on": "2020-01-02"}, "截止日期不能早于今天"),
        ({"due_on": "not a date"}, "请填写有效的日期"),
        ({"due_on": ""}, "请填写截止日期"),
        ({"project_item": "999999"}, "所选事项不属于本项目"),
        ({"title": "长" * 201}, "不能超过 200 个字"),
    ],
    ids=[
        "blank-title",
        "no-title",
        "bad-kind",
        "no-kind",
        "past-date",
        "bad-date",
        "no-date",
        "foreign-item",
        "long",
    ],
)
def test_bad_input_shows_a_message_and_saves_nothing(client, planned, overrides, message):
    response = _add(client, planned.world.officer_user, planned.project, **overrides)
    assert response.status_code == 200
    assert message in _messages(response)
    assert not EnterpriseObligation.objects.exists()


def test_an_item_of_another_project_cannot_be_attached(client, planned):
    from liaison.tracking.tests.builders import dispatched_project

    other = dispatched_project(planned.world, name="别的项目")
    draft(planned.world, other, START)
    foreign = item_of(other, "A")
    response = _add(client, planned.world.officer_user, planned.project, project_item=str(foreign.pk))
    assert "所选事项不属于本项目" in _messages(response)
    assert not EnterpriseObligation.objects.exists()


def test_the_to_do_section_costs_the_same_queries_for_1_or_10_to_dos(client, planned):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _set(planned, 5)
    client.force_login(planned.world.applicant)
    url = reverse("tracking:project", args=[planned.project.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for n in range(9):
        _set(planned, n + 1, title=f"待办{n}", project_item=item_of(planned.project, "B"))
    with CaptureQueriesContext(connection) as ten:
        html = client.get(url).content.decode()
    assert html.count('data-testid="obligation-done-') == 10
    assert len(ten.captured_queries) == len(one.captured_queries)
