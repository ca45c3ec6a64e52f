"""Guide-change pages: list scoped per role, proposing / applying, registering and returning."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from liaison.catalogue.models import GuideAssignment, GuideChange, GuideChangeStatus
from liaison.catalogue.services.guides import guide_change_propose
from liaison.catalogue.tests.builders import START, assign, make_item

pytestmark = pytest.mark.django_db
LATER = START + datetime.timedelta(days=10)


@pytest.fixture
def item(center_admin, department, guide_user):
    item = make_item(center_admin, department)
    assign(center_admin, item, guide_user)
    return item


@pytest.fixture
def change(item, dept_admin, second_guide):
    return guide_change_propose(
        actor=dept_admin, item=item, new_guide=second_guide, effective_date=LATER, reason="原指导员轮岗"
    )


def test_department_admin_proposes_through_the_form(client, dept_admin, item, second_guide):
    client.force_login(dept_admin)
    url = reverse("catalogue:guide_change_create", args=[item.pk])
    body = client.get(url).content.decode()
    assert "提交中心登记" in body and "指导员乙" in body
    response = client.post(
        url, {"new_guide": second_guide.pk, "effective_date": LATER.isoformat(), "reason": "轮岗"}
    )
    assert response.status_code == 302
    change = GuideChange.objects.get(item=item, status=GuideChangeStatus.PROPOSED)
    assert change.new_guide == second_guide
    assert GuideAssignment.objects.get(item=item, is_active=True).guide != second_guide


def test_center_admin_applies_directly_through_the_same_form(client, center_admin, item, second_guide):
    client.force_login(center_admin)
    url = reverse("catalogue:guide_change_create", args=[item.pk])
    assert "调整并登记" in client.get(url).content.decode()
    client.post(url, {"new_guide": second_guide.pk, "effective_date": LATER.isoformat(), "reason": "调整"})
    assert GuideAssignment.objects.get(item=item, is_active=True).guide == second_guide


def test_form_errors_are_shown_in_chinese_and_nothing_is_saved(
    client, dept_admin, item, officer_user, change
):
    client.force_login(dept_admin)
    url = reverse("catalogue:guide_change_create", args=[item.pk])
    response = client.post(url, {"new_guide": officer_user.pk, "effective_date": "2025-13-40", "reason": ""})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-testid="error-new_guide"' in body
    assert 'data-testid="error-effective_date"' in body
    assert 'data-testid="error-reason"' in body
    assert GuideChange.objects.count() == 2  # the initial registration and the open proposal


def test_open_proposal_conflict_is_shown_on_the_form(client, dept_admin, item, change, department):
    from liaison.directory.roles import Role
    from liaison.testing.personas import make_user

    third = make_user("t_guide3", roles=(Role.GUIDE,), department=department)
    client.force_login(dept_admin)
    response = client.post(
        reverse("catalogue:guide_change_create", args=[item.pk]),
        {"new_guide": third.pk, "effective_date": LATER.isoformat(), "reason": "再变更"},
    )
    assert response.status_code == 200
    assert "该事项已有待登记的指导员变更" in response.content.decode()


@pytest.mark.parametrize(
    "persona", ["other_dept_admin", "guide_user", "officer_user", "applicant", "supervisor"]
)
def test_roles_that_cannot_change_the_guide_are_forbidden(client, request, persona, item):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("catalogue:guide_change_create", args=[item.pk])).status_code == 403


def test_change_form_for_missing_item_is_404(client, dept_admin):
    client.force_login(dept_admin)
    assert client.get(reverse("catalogue:guide_change_create", args=[31337])).status_code == 404


def test_list_is_scoped_to_the_department_and_filtered_by_status(client, request, change):
    url = reverse("catalogue:guide_change_list")
    for persona in ("center_admin", "dept_admin", "supervisor", "center_leader"):
        client.force_login(request.getfixturevalue(persona))
        assert "指导员乙" in client.get(url, {"status": "proposed"}).content.decode()
    client.force_login(request.getfixturevalue("center_admin"))
    assert "指导员乙" not in client.get(url, {"status": "rejected"}).content.decode()
    client.force_login(request.getfixturevalue("other_dept_admin"))
    assert "指导员乙" not in client.get(url).content.decode()


@pytest.mark.parametrize("persona", ["guide_user", "officer_user", "applicant"])
def test_list_is_forbidden_to_roles_without_access(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("catalogue:guide_change_list")).status_code == 403


def test_detail_of_another_departments_change_is_404(client, other_dept_admin, officer_user, change):
    for user in (other_dept_admin, officer_user):
        client.force_login(user)
        assert client.get(reverse("catalogue:guide_change_detail", args=[change.pk])).status_code == 404
        response = client.post(
            reverse("catalogue:guide_change_decide", args=[change.pk]), {"action": "cancel"}
        )
        assert response.status_code == 404
    change.refresh_from_db()
    assert change.status == GuideChangeStatus.PROPOSED


def test_center_admin_registers_from_the_detail_page(client, center_admin, change, second_guide, item):
    client.force_login(center_admin)
    body = client.get(reverse("catalogue:guide_change_detail", args=[change.pk])).content.decode()
    assert 'data-testid="change-register"' in body
    response = client.post(
        reverse("catalogue:guide_change_decide", args=[change.pk]), {"action": "register", "note": "已核实"}
    )
    assert response.status_code == 302
    change.refresh_from_db()
    assert change.status == GuideChangeStatus.REGISTERED
    assert GuideAssignment.objects.get(item=item, is_active=True).guide == second_guide
    # A second click (or a second admin) gets a message, not a second change.
    response = client.post(
        reverse("catalogue:guide_change_decide", args=[change.pk]), {"action": "register"}, follow=True
    )
    assert "该变更已被处理" in response.content.decode()
    assert GuideAssignment.objects.filter(item=item).count() == 2


def test_reject_without_note_shows_the_message_and_keeps_the_proposal(client, center_admin, change):
    client.force_login(center_admin)
    url = reverse("catalogue:guide_change_decide", args=[change.pk])
    response = client.post(url, {"action": "reject", "note": ""}, follow=True)
    assert "请填写退回理由。" in response.content.decode()
    change.refresh_from_db()
    assert change.status == GuideChangeStatus.PROPOSED
    client.post(url, {"action": "reject", "note": "人员信息不全"})
    change.refresh_from_db()
    assert (change.status, change.decision_note) == (GuideChangeStatus.REJECTED, "人员信息不全")


def test_department_admin_sees_cancel_not_register_and_can_withdraw(client, dept_admin, change):
    client.force_login(dept_admin)
    body = client.get(reverse("catalogue:guide_change_detail", args=[change.pk])).content.decode()
    assert 'data-testid="change-cancel"' in body
    assert 'data-testid="change-register"' not in body
    response = client.post(
        reverse("catalogue:guide_change_decide", args=[change.pk]), {"action": "register"}, follow=True
    )
    assert "只有政务服务中心工作人员可以登记备案" in response.content.decode()
    client.post(reverse("catalogue:guide_change_decide", args=[change.pk]), {"action": "cancel"})
    change.refresh_from_db()
    assert change.status == GuideChangeStatus.CANCELLED


def test_unknown_decision_is_a_message_not_a_crash(client, center_admin, change):
    client.force_login(center_admin)
    response = client.post(
        reverse("catalogue:guide_change_decide", args=[change.pk]), {"action": "explode"}, follow=True
    )
    assert response.status_code == 200
    assert "无效的操作。" in response.content.decode()
