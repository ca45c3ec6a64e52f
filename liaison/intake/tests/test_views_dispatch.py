"""Dispatch pages (派任), the officer's 我的项目, and the two documents as .docx and PDF."""

from __future__ import annotations

import pytest
from django.urls import reverse

from liaison.intake.models import Assignment
from liaison.intake.services.dispatch import assignment_dispatch
from liaison.intake.tests.test_views_support import (
    docx_text,
    logged_in,
    make_accepted,
    make_dispatched,
    make_officer,
    make_project,
    make_submitted,
    pdf_text,
    register_applicant,
)
from liaison.officers.services.officer_status import officer_suspend
from liaison.testing.personas import make_user

pytestmark = pytest.mark.django_db


def test_dispatch_page_ranks_officers_with_reasons_and_dispatches_a_lead(center_admin):
    lead, assistant = (
        make_officer(center_admin, full_name="张主办"),
        make_officer(center_admin, full_name="李协办"),
    )
    accepted = make_accepted(register_applicant(), center_admin)
    url = reverse("intake:dispatch", args=[accepted.project_id])
    client = logged_in(center_admin)
    html = client.get(url).content.decode()
    assert html.count('data-testid="suggestion"') == 2
    assert "在办项目 0 个" in html
    response = client.post(url, {"lead": lead.pk, "assistants": [assistant.pk]})
    assert response["Location"] == reverse("intake:project_detail", args=[accepted.project_id])
    active = {a.officer_id: a.role for a in Assignment.objects.filter(project_id=accepted.project_id)}
    assert active == {lead.pk: "lead", assistant.pk: "assistant"}


def test_a_suspended_officer_cannot_be_dispatched(center_admin):
    officer = make_officer(center_admin, full_name="暂停者")
    officer_suspend(actor=center_admin, officer=officer, reason="长期病假")
    accepted = make_accepted(register_applicant(), center_admin)
    response = logged_in(center_admin).post(
        reverse("intake:dispatch", args=[accepted.project_id]), {"lead": officer.pk}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "暂停者" in html and "不能派任" in html
    assert not Assignment.objects.exists()


def test_lead_cannot_also_be_an_assistant(center_admin):
    officer = make_officer(center_admin)
    accepted = make_accepted(register_applicant(), center_admin)
    response = logged_in(center_admin).post(
        reverse("intake:dispatch", args=[accepted.project_id]),
        {"lead": officer.pk, "assistants": [officer.pk]},
    )
    assert "不能重复派任" in response.content.decode()
    assert not Assignment.objects.exists()


def test_dispatch_without_a_lead_is_refused(center_admin):
    accepted = make_accepted(register_applicant(), center_admin)
    response = logged_in(center_admin).post(reverse("intake:dispatch", args=[accepted.project_id]), {})
    assert "请选择主办联络官" in response.content.decode()


def test_dispatch_before_acceptance_is_refused(center_admin):
    officer = make_officer(center_admin)
    submitted = make_submitted(register_applicant())
    response = logged_in(center_admin).post(
        reverse("intake:dispatch", args=[submitted.project_id]), {"lead": officer.pk}
    )
    assert "尚未受理，不能派任" in response.content.decode()
    assert not Assignment.objects.exists()


def test_losing_a_dispatch_race_names_who_dispatched_first(center_admin):
    colleague = make_user("t_center_admin2", roles=("center_admin",), full_name="中心派任员乙")
    first, second = make_officer(center_admin, full_name="先到者"), make_officer(center_admin)
    accepted = make_accepted(register_applicant(), center_admin)
    assignment_dispatch(actor=colleague, project=accepted.project, lead=first)
    response = logged_in(center_admin).post(
        reverse("intake:dispatch", args=[accepted.project_id]), {"lead": second.pk}, follow=True
    )
    html = response.content.decode()
    assert "alert-warning" in html and "中心派任员乙" in html and "先到者" in html
    assert list(Assignment.objects.values_list("officer_id", flat=True)) == [first.pk]


def test_reassignment_needs_a_reason_and_keeps_history(center_admin):
    first, second = (
        make_officer(center_admin, full_name="原联络官"),
        make_officer(center_admin, full_name="新联络官"),
    )
    project = make_dispatched(register_applicant(), center_admin, first)
    client = logged_in(center_admin)
    url = reverse("intake:reassign", args=[project.pk])
    response = client.post(url, {"lead": second.pk, "reason": ""})
    assert "变更派任须填写原因" in response.content.decode()
    assert Assignment.objects.get(is_active=True).officer_id == first.pk
    client.post(url, {"lead": second.pk, "reason": "工作调动"})
    assert Assignment.objects.get(is_active=True).officer_id == second.pk
    old = Assignment.objects.get(is_active=False)
    assert (old.officer_id, old.end_reason) == (first.pk, "工作调动")
    html = client.get(reverse("intake:project_detail", args=[project.pk])).content.decode()
    assert "原联络官" in html and "工作调动" in html


@pytest.mark.parametrize("persona", ["officer_user", "supervisor", "center_leader", "project_office"])
def test_dispatch_pages_are_404_for_everyone_but_centre_staff(client, request, persona, center_admin):
    officer = make_officer(center_admin)
    accepted = make_accepted(register_applicant(), center_admin)
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("intake:dispatch", args=[accepted.project_id])).status_code == 404
    assert (
        client.post(reverse("intake:dispatch", args=[accepted.project_id]), {"lead": officer.pk}).status_code
        == 404
    )
    assert client.post(reverse("intake:reassign", args=[accepted.project_id]), {}).status_code == 404
    assert not Assignment.objects.exists()


def test_the_applicant_cannot_dispatch(center_admin):
    applicant = register_applicant()
    accepted = make_accepted(applicant, center_admin)
    assert logged_in(applicant).get(reverse("intake:dispatch", args=[accepted.project_id])).status_code == 404


def test_officer_sees_only_own_projects_in_my_projects(center_admin):
    me = make_officer(center_admin, username="officer1", full_name="联络官一")
    other = make_officer(center_admin)
    mine = make_dispatched(register_applicant(), center_admin, me, None)
    theirs = make_dispatched(register_applicant(), center_admin, other, None)
    client = logged_in(me.user)
    html = client.get(reverse("intake:my_projects")).content.decode()
    assert mine.name in html and theirs.name not in html
    assert "13888120001" in html  # the enterprise lead's phone, in full for the assigned officer
    assert "立项及备案用地规划许可阶段" in html  # the entrustment scope
    assert client.get(reverse("intake:project_detail", args=[mine.pk])).status_code == 200
    assert client.get(reverse("intake:project_detail", args=[theirs.pk])).status_code == 404


def test_my_projects_queries_do_not_grow_with_rows(center_admin, django_assert_max_num_queries):
    me = make_officer(center_admin)
    make_dispatched(register_applicant(), center_admin, me)
    client = logged_in(me.user)
    client.get(reverse("intake:my_projects"))
    with django_assert_max_num_queries(16) as few:
        client.get(reverse("intake:my_projects"))
    for _ in range(5):
        make_dispatched(register_applicant(), center_admin, me)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(reverse("intake:my_projects")).content.decode()
    assert html.count('data-testid="my-project"') == 6


@pytest.mark.parametrize("persona", ["applicant", "guide_user", "center_admin"])
def test_my_projects_is_only_for_officers(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("intake:my_projects")).status_code == 404


def test_assignment_order_downloads_as_docx_with_the_project(center_admin):
    applicant = register_applicant()
    officer = make_officer(center_admin, full_name="张联络")
    project = make_dispatched(
        applicant, center_admin, officer, make_project(applicant, name="翠湖智造研发中心")
    )
    for user in (center_admin, applicant, officer.user):
        response = logged_in(user).get(reverse("intake:assignment_order", args=[project.pk]))
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/vnd.openxmlformats")
        text = docx_text(response.content)
        assert "翠湖智造研发中心" in text and "张联络" in text and project.service_number in text


def test_assignment_order_and_agreement_download_as_pdf_with_chinese_text(center_admin, tmp_path):
    applicant = register_applicant()
    project = make_dispatched(
        applicant,
        center_admin,
        make_officer(center_admin),
        make_project(applicant, name="滇池星城商业综合体"),
    )
    client = logged_in(center_admin)
    for name in ("assignment_order", "agreement"):
        response = client.get(reverse(f"intake:{name}", args=[project.pk]), {"format": "pdf"})
        assert response.status_code == 200, name
        assert response.content.startswith(b"%PDF")
        assert "滇池星城商业综合体" in pdf_text(response.content, tmp_path)


def test_agreement_docx_names_the_enterprise(center_admin):
    applicant = register_applicant(name="云南翠湖置业有限公司")
    accepted = make_accepted(applicant, center_admin)
    response = logged_in(applicant).get(reverse("intake:agreement", args=[accepted.project_id]))
    text = docx_text(response.content)
    assert "云南翠湖置业有限公司" in text and accepted.project.name in text


def test_order_before_dispatch_explains_instead_of_failing(center_admin):
    accepted = make_accepted(register_applicant(), center_admin)
    response = logged_in(center_admin).get(
        reverse("intake:assignment_order", args=[accepted.project_id]), follow=True
    )
    assert response.status_code == 200
    assert "尚未派任联络官" in response.content.decode()


@pytest.mark.parametrize("persona", ["project_office", "guide_user", "officer_user"])
def test_documents_are_404_for_those_who_may_not_see_the_phones(client, request, persona, center_admin):
    project = make_dispatched(register_applicant(), center_admin, make_officer(center_admin))
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("intake:assignment_order", args=[project.pk])).status_code == 404
    assert client.get(reverse("intake:agreement", args=[project.pk])).status_code == 404
