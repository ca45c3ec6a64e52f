"""The centre's review pages: the 待受理 queue and the return / accept / reject actions."""

from __future__ import annotations

import pytest
from django.urls import reverse

from liaison.intake.models import Entrustment, EntrustmentStatus
from liaison.intake.services.review import entrustment_accept
from liaison.intake.tests.test_views_support import (
    logged_in,
    make_draft,
    make_project,
    make_submitted,
    register_applicant,
)
from liaison.notifications.models import Notification
from liaison.testing.personas import make_user

pytestmark = pytest.mark.django_db


def test_queue_lists_submitted_requests_with_counts_per_state(center_admin):
    applicant = register_applicant()
    make_submitted(applicant, project=make_project(applicant, name="待受理项目"))
    accepted = make_submitted(applicant, project=make_project(applicant, name="已受理项目"))
    entrustment_accept(actor=center_admin, entrustment=accepted)
    make_draft(applicant, project=make_project(applicant, name="草稿项目"))
    client = logged_in(center_admin)
    html = client.get(reverse("intake:review_queue")).content.decode()
    assert "待受理项目" in html
    assert "已受理项目" not in html and "草稿项目" not in html
    assert 'data-testid="tab-draft"' not in html
    assert html.count('data-testid="review-row"') == 1
    accepted_tab = client.get(reverse("intake:review_queue"), {"status": "accepted"}).content.decode()
    assert "已受理项目" in accepted_tab and "待受理项目" not in accepted_tab
    everything = client.get(reverse("intake:review_queue"), {"status": "all"}).content.decode()
    assert everything.count('data-testid="review-row"') == 2


def test_queue_filters_by_keyword(center_admin):
    make_submitted(register_applicant(name="翠湖置业有限公司"))
    make_submitted(register_applicant(name="星城实业有限公司"))
    html = logged_in(center_admin).get(reverse("intake:review_queue"), {"q": "翠湖"}).content.decode()
    assert html.count('data-testid="review-row"') == 1


def test_queue_paginates(center_admin):
    applicant = register_applicant()
    for _ in range(27):
        make_submitted(applicant)
    client = logged_in(center_admin)
    assert client.get(reverse("intake:review_queue")).content.decode().count('data-testid="review-row"') == 25
    second = client.get(reverse("intake:review_queue"), {"page": 2}).content.decode()
    assert second.count('data-testid="review-row"') == 2


def test_queue_queries_do_not_grow_with_rows(center_admin, django_assert_max_num_queries):
    applicant = register_applicant()
    make_submitted(applicant)
    client = logged_in(center_admin)
    client.get(reverse("intake:review_queue"))
    with django_assert_max_num_queries(15) as few:  # the sidebar's 待办 (every kind counted in one statement)
        client.get(reverse("intake:review_queue"))
    for _ in range(8):
        make_submitted(register_applicant())
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(reverse("intake:review_queue")).content.decode()
    assert html.count('data-testid="review-row"') == 9


@pytest.mark.parametrize("persona", ["officer_user", "guide_user", "dept_admin", "applicant"])
def test_queue_is_404_for_roles_outside_the_centre(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("intake:review_queue")).status_code == 404


def test_supervisor_reads_the_queue_but_cannot_decide(supervisor):
    submitted = make_submitted(register_applicant())
    client = logged_in(supervisor)
    assert client.get(reverse("intake:review_queue")).status_code == 200
    html = client.get(reverse("intake:request_detail", args=[submitted.pk])).content.decode()
    assert 'data-testid="review-actions"' not in html
    assert client.post(reverse("intake:request_accept", args=[submitted.pk])).status_code == 404
    assert Entrustment.objects.get(pk=submitted.pk).status == EntrustmentStatus.SUBMITTED


def test_return_lists_everything_missing_and_tells_the_enterprise(center_admin):
    applicant = register_applicant()
    submitted = make_submitted(applicant)
    logged_in(center_admin).post(
        reverse("intake:request_return", args=[submitted.pk]),
        {"missing": ["项目备案证明", "", "用地红线图"], "comment": "请一次性补齐"},
    )
    returned = Entrustment.objects.get(pk=submitted.pk)
    assert returned.status == EntrustmentStatus.RETURNED
    assert returned.missing_information == ["项目备案证明", "用地红线图"]
    note = Notification.objects.get(recipient=applicant, kind="entrustment.returned")
    assert "1. 项目备案证明" in note.body and "2. 用地红线图" in note.body
    html = logged_in(applicant).get(reverse("intake:request_detail", args=[submitted.pk])).content.decode()
    assert 'data-testid="missing-info"' in html and "用地红线图" in html
    assert 'data-testid="submit-form"' in html  # the applicant completes and resubmits


def test_return_without_any_missing_line_is_refused(center_admin):
    submitted = make_submitted(register_applicant())
    response = logged_in(center_admin).post(
        reverse("intake:request_return", args=[submitted.pk]), {"missing": ["", "  "]}, follow=True
    )
    assert "请逐项列明需要补充的内容" in response.content.decode()
    assert Entrustment.objects.get(pk=submitted.pk).status == EntrustmentStatus.SUBMITTED


def test_accept_registers_a_service_number_and_leads_to_dispatch(center_admin):
    submitted = make_submitted(register_applicant())
    response = logged_in(center_admin).post(
        reverse("intake:request_accept", args=[submitted.pk]), follow=True
    )
    accepted = Entrustment.objects.select_related("project").get(pk=submitted.pk)
    assert accepted.status == EntrustmentStatus.ACCEPTED
    assert accepted.project.service_number
    assert response.redirect_chain[-1][0] == reverse("intake:dispatch", args=[accepted.project_id])
    assert f"服务编号 {accepted.project.service_number}" in response.content.decode()


def test_reject_needs_a_reason(center_admin):
    submitted = make_submitted(register_applicant())
    client = logged_in(center_admin)
    response = client.post(reverse("intake:request_reject", args=[submitted.pk]), {"reason": ""}, follow=True)
    assert "请填写不予受理的理由" in response.content.decode()
    assert Entrustment.objects.get(pk=submitted.pk).status == EntrustmentStatus.SUBMITTED
    client.post(reverse("intake:request_reject", args=[submitted.pk]), {"reason": "不属于代办范围"})
    rejected = Entrustment.objects.get(pk=submitted.pk)
    assert rejected.status == EntrustmentStatus.REJECTED
    assert rejected.decision_reason == "不属于代办范围"


def test_second_reviewer_who_lost_the_race_is_told_who_decided(center_admin):
    colleague = make_user("t_center_admin2", roles=("center_admin",), full_name="中心审核员乙")
    submitted = make_submitted(register_applicant())
    entrustment_accept(actor=colleague, entrustment=submitted)
    response = logged_in(center_admin).post(
        reverse("intake:request_reject", args=[submitted.pk]), {"reason": "晚了一步"}, follow=True
    )
    html = response.content.decode()
    assert "alert-warning" in html
    assert "该申请已由" in html and "中心审核员乙" in html
    assert Entrustment.objects.get(pk=submitted.pk).status == EntrustmentStatus.ACCEPTED


@pytest.mark.parametrize("action", ["request_return", "request_accept", "request_reject"])
def test_applicant_cannot_decide_its_own_request(action):
    applicant = register_applicant()
    submitted = make_submitted(applicant)
    response = logged_in(applicant).post(
        reverse(f"intake:{action}", args=[submitted.pk]), {"missing": ["x"], "reason": "x"}
    )
    assert response.status_code == 404
    assert Entrustment.objects.get(pk=submitted.pk).status == EntrustmentStatus.SUBMITTED
