"""The consultation pages per role: list and filters, the guide's inbox, raising, who may see what, records,
settings and the sidebar. The reply page and the steps after it are in test_views_reply.py."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from liaison.audit.models import AuditEvent
from liaison.consultations.models import Consultation, ConsultationState
from liaison.consultations.services.relay import consultation_relay
from liaison.consultations.services.replies import consultation_reply
from liaison.consultations.services.routing import consultation_forward
from liaison.consultations.tests.builders import reply_form
from liaison.directory.roles import Role
from liaison.testing.personas import make_user

pytestmark = pytest.mark.django_db

LIST = reverse("consultations:list")
INBOX = reverse("consultations:inbox")


def _html(client, user, url: str, **params) -> tuple[int, str]:
    client.force_login(user)
    response = client.get(url, params)
    return response.status_code, response.content.decode()


def _messages(response) -> str:
    return " ".join(str(m) for m in response.context["messages"]) if response.context else ""


def _overdue(c: Consultation) -> Consultation:
    """Time has passed: the reply deadline is behind us."""
    Consultation.objects.filter(pk=c.pk).update(reply_due=timezone.localdate() - dt.timedelta(days=3))
    return c


# The list ----------------------------------------------------------------------------------------


def test_the_officer_lists_consultations_with_lights_as_badges(client, desk):
    late = _overdue(desk.raise_(subject="用地规划咨询"))
    fresh = desk.raise_(subject="能评咨询")
    status, html = _html(client, desk.officer, LIST)
    assert status == 200
    assert f'data-testid="row-{late.pk}"' in html and f'data-testid="row-{fresh.pk}"' in html
    assert 'data-light="red"' in html and "text-bg-danger" in html
    assert html.index(f'data-testid="row-{late.pk}"') < html.index(f'data-testid="row-{fresh.pk}"')


def test_the_list_filters_by_state_light_department_and_project(client, desk, world):
    late = _overdue(desk.raise_())
    answered = desk.raise_()
    consultation_reply(actor=desk.guide, consultation=answered, form=reply_form())
    forwarded = consultation_forward(
        actor=desk.guide, consultation=desk.raise_(), to_item=desk.other_item, note="属自然资源局"
    )
    admin = world.center_admin

    def rows(**params) -> set[int]:
        _status, html = _html(client, admin, LIST, **params)
        return {c.pk for c in (late, answered, forwarded) if f'data-testid="row-{c.pk}"' in html}

    assert rows() == {late.pk, answered.pk, forwarded.pk}
    assert rows(state="pending") == {late.pk, forwarded.pk}
    assert rows(state=ConsultationState.REPLIED) == {answered.pk}
    assert rows(light="red") == {late.pk}
    assert rows(department=desk.other_item.department_id) == {forwarded.pk}
    assert rows(project=desk.project.pk) == {late.pk, answered.pk, forwarded.pk}
    assert rows(project=desk.project.pk + 999) == set()
    # nonsense in the filters is ignored, not an error
    assert rows(state="nonsense", light="purple", department="x") == {late.pk, answered.pk, forwarded.pk}


def test_the_list_costs_the_same_queries_for_2_and_10_rows(client, desk, django_assert_max_num_queries):
    client.force_login(desk.officer)
    for _ in range(2):
        desk.raise_()
    client.get(LIST)  # warm the settings row and the session
    with django_assert_max_num_queries(16) as two:  # the sidebar's 待办 (every kind counted in one statement)
        assert client.get(LIST).status_code == 200
    for _ in range(8):
        desk.raise_()
    with django_assert_max_num_queries(len(two.captured_queries)):
        html = client.get(LIST).content.decode()
    assert html.count('data-testid="row-') == 10


def test_the_project_filter_offers_the_officer_to_raise(client, desk):
    _status, html = _html(client, desk.officer, LIST, project=desk.project.pk)
    assert 'data-testid="raise-consultation"' in html and desk.project.name in html
    _status, html = _html(client, desk.guide, LIST, project=desk.project.pk)
    assert 'data-testid="raise-consultation"' not in html


# Who sees what -----------------------------------------------------------------------------------


def test_each_role_sees_only_its_consultations(client, desk, world, department):
    mine = desk.raise_()
    forwarded = consultation_forward(
        actor=desk.guide, consultation=desk.raise_(), to_item=desk.other_item, note="属自然资源局"
    )
    outsider_guide = make_user("t_guide_view_x", roles=(Role.GUIDE,), department=department)
    expectations = {
        world.center_admin: {mine, forwarded},
        world.supervisor: {mine, forwarded},
        desk.officer: {mine, forwarded},
        desk.guide: {mine, forwarded},  # addressed to them, and forwarded through them
        desk.other_guide: {forwarded},
        outsider_guide: set(),
        world.department_admin: {mine, forwarded},
        desk.other_department_admin: {forwarded},
        world.applicant: set(),  # nothing relayed yet
        world.other_applicant: set(),
    }
    for user, visible in expectations.items():
        _status, html = _html(client, user, LIST)
        listed = {c for c in (mine, forwarded) if f'data-testid="row-{c.pk}"' in html}
        assert listed == visible, user.username
        for c in (mine, forwarded):
            status = _html(client, user, reverse("consultations:detail", args=[c.pk]))[0]
            assert status == (200 if c in visible else 404), (user.username, c.pk)


def test_the_enterprise_sees_a_consultation_once_it_is_relayed(client, desk, world):
    c = desk.raise_()
    consultation_reply(actor=desk.guide, consultation=c, form=reply_form())
    url = reverse("consultations:detail", args=[c.pk])
    assert _html(client, world.applicant, url)[0] == 404
    consultation_relay(actor=desk.officer, consultation=c, text="请按清单准备两项材料。")
    status, html = _html(client, world.applicant, url)
    assert status == 200
    assert "请按清单准备两项材料。" in html and 'data-testid="confirm-read"' in html
    # the internal side stays internal: no chain, no history, no guide names on the summary
    assert 'data-testid="events"' not in html and 'data-testid="current-guide"' not in html
    assert _html(client, world.other_applicant, url)[0] == 404


# The guide's inbox -------------------------------------------------------------------------------


def test_the_inbox_lists_what_waits_on_the_guide_worst_first(client, desk):
    fresh = desk.raise_(subject="新咨询")
    late = _overdue(desk.raise_(subject="超期咨询"))
    answered = desk.raise_(subject="已答复")
    consultation_reply(actor=desk.guide, consultation=answered, form=reply_form())
    status, html = _html(client, desk.guide, INBOX)
    assert status == 200
    assert html.index(f'data-testid="row-{late.pk}"') < html.index(f'data-testid="row-{fresh.pk}"')
    assert f'data-testid="row-{answered.pk}"' not in html
    assert fresh.reply_due.isoformat() in html


def test_a_forwarded_consultation_is_marked_in_the_receivers_inbox(client, desk):
    c = consultation_forward(
        actor=desk.guide, consultation=desk.raise_(), to_item=desk.other_item, note="属自然资源局"
    )
    _status, html = _html(client, desk.other_guide, INBOX)
    assert f'data-testid="row-{c.pk}"' in html and 'data-testid="awaiting-acceptance"' in html
    assert "属自然资源局" in html
    _status, html = _html(client, desk.guide, INBOX)
    assert f'data-testid="row-{c.pk}"' not in html


@pytest.mark.parametrize("who", ["officer_user", "applicant", "center_admin"])
def test_the_inbox_is_for_guides_only(client, world, desk, who):
    assert _html(client, world.persona(who), INBOX)[0] == 404


def test_the_guides_sidebar_shows_the_inbox_count(client, desk):
    desk.raise_()
    desk.raise_()
    _status, html = _html(client, desk.guide, LIST)
    assert reverse("consultations:inbox") in html
    assert '<span class="badge rounded-pill bg-danger float-end" data-testid="nav-badge">2</span>' in html
    _status, html = _html(client, desk.officer, LIST)
    assert reverse("consultations:inbox") not in html and 'href="/consultations/"' in html


# The project's section ---------------------------------------------------------------------------


def test_the_projects_tracking_page_links_its_consultations(client, desk, world):
    c = desk.raise_()
    section = reverse("consultations:project_section", args=[desk.project.pk])
    _status, html = _html(client, desk.officer, reverse("tracking:project", args=[desk.project.pk]))
    assert section in html and f"?project={desk.project.pk}" in html
    status, html = _html(client, desk.officer, section)
    assert status == 200 and f'data-testid="project-consultation-{c.pk}"' in html
    assert 'data-testid="raise-consultation"' in html
    _status, html = _html(client, world.applicant, section)
    assert f'data-testid="project-consultation-{c.pk}"' not in html  # not relayed yet
    assert _html(client, world.other_applicant, section)[0] == 404


# Raising -----------------------------------------------------------------------------------------


def _raise_data(desk, **overrides) -> dict:
    data = {
        "project_items": [desk.project_item().pk],
        "subject": "用地规划许可咨询",
        "situation": "项目已取得土地。",
        "requests": "请告知全部材料。",
        "channel": "phone",
        "held_on": timezone.localdate().isoformat(),
        "participants": "联络官甲、指导员甲",
        "contact_notes": "电话沟通了用地规划许可的办理条件。",
    }
    data.update(overrides)
    return data


def test_the_officer_raises_a_phone_consultation_held_today(client, desk):
    url = reverse("consultations:new") + f"?project={desk.project.pk}"
    client.force_login(desk.officer)
    html = client.get(url).content.decode()
    assert desk.item.name in html and "电话联络" in html
    response = client.post(url, _raise_data(desk))
    c = Consultation.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "consultations:detail", args=[c.pk]
    )
    assert (c.guide, c.channel, c.held_on) == (desk.guide, "phone", timezone.localdate())
    assert list(c.project_items.all()) == [desk.project_item()]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"channel": "online"}, "held_on", "网络交换无需填写已联络日期"),
        ({"contact_notes": ""}, "contact_notes", "请填写联络记录"),
        ({"wanted_reply_by": "2020-01-01"}, "wanted_reply_by", "希望答复日期不能早于今天"),
        ({"subject": ""}, "subject", "请填写主题"),
        ({"channel": "fax"}, "channel", "请选择联络方式"),
        ({"project_items": [], "approval_item": ""}, "approval_item", "请选择咨询所涉的审批事项"),
        ({"held_on": "31/02/2026"}, "held_on", "请填写有效的日期"),
    ],
)
def test_bad_input_is_shown_on_its_field_and_nothing_is_saved(client, desk, overrides, field, message):
    url = reverse("consultations:new") + f"?project={desk.project.pk}"
    client.force_login(desk.officer)
    audit = AuditEvent.objects.changes().count()
    response = client.post(url, _raise_data(desk, **overrides))
    assert response.status_code == 200
    assert message in " ".join(str(e) for e in response.context["form"].errors.get(field, []))
    assert f'data-testid="error-{field}"' in response.content.decode()
    assert not Consultation.objects.exists() and AuditEvent.objects.changes().count() == audit


def test_another_projects_item_is_refused_on_its_field(client, desk, world):
    url = reverse("consultations:new") + f"?project={desk.project.pk}"
    client.force_login(desk.officer)
    response = client.post(url, _raise_data(desk, project_items=[999999]))
    assert response.context["form"].errors["project_items"] and not Consultation.objects.exists()


def test_an_item_from_the_catalogue_routes_to_its_guide(client, desk):
    url = reverse("consultations:new") + f"?project={desk.project.pk}"
    client.force_login(desk.officer)
    client.post(url, _raise_data(desk, project_items=[], approval_item=desk.other_item.pk))
    assert Consultation.objects.get().guide == desk.other_guide


@pytest.mark.parametrize("who", ["guide", "applicant", "center_admin"])
def test_only_the_projects_officer_may_raise(client, desk, world, who):
    user = {"guide": desk.guide, "applicant": world.applicant, "center_admin": world.center_admin}[who]
    url = reverse("consultations:new") + f"?project={desk.project.pk}"
    client.force_login(user)
    assert client.get(url).status_code == 404
    assert client.post(url, _raise_data(desk)).status_code == 404
    assert not Consultation.objects.exists()


def test_without_a_project_the_officer_chooses_one(client, desk):
    status, html = _html(client, desk.officer, reverse("consultations:new"))
    assert status == 200 and f"?project={desk.project.pk}" in html
