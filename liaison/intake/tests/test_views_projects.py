"""Project pages: list, registration, editing, detail (masking, documents) and the Art. 8 preview."""

from __future__ import annotations

import pytest
from django.urls import reverse

from liaison.intake.models import Project
from liaison.intake.tests.test_views_support import (
    logged_in,
    make_accepted,
    make_dispatched,
    make_draft,
    make_officer,
    make_project,
    make_submitted,
    register_applicant,
)

pytestmark = pytest.mark.django_db


FORM = {
    "name": "五华科创园一期",
    "location": "昆明市五华区学府路",
    "content": "新建研发楼2栋。",
    "total_investment": "20000000.00",
    "currency": "CNY",
    "investor_nature": "enterprise",
    "investment_source": "domestic",
    "key_level": "none",
    "current_stage": "approval_land",
}


def test_applicant_lists_only_own_projects_with_a_register_button():
    mine, other = register_applicant(), register_applicant()
    make_project(mine, name="我的项目甲")
    make_project(other, name="别人的项目乙")
    response = logged_in(mine).get(reverse("intake:project_list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "我的项目甲" in html
    assert "别人的项目乙" not in html
    assert 'data-testid="project-create"' in html


def test_centre_sees_every_project_and_filters_by_keyword(center_admin):
    make_project(register_applicant(), name="翠湖数据中心")
    make_project(register_applicant(), name="星城人才公寓")
    client = logged_in(center_admin)
    html = client.get(reverse("intake:project_list")).content.decode()
    assert "翠湖数据中心" in html and "星城人才公寓" in html
    filtered = client.get(reverse("intake:project_list"), {"q": "翠湖"}).content.decode()
    assert "翠湖数据中心" in filtered and "星城人才公寓" not in filtered


def test_project_list_queries_do_not_grow_with_rows(center_admin, django_assert_max_num_queries):
    officer = make_officer(center_admin)
    client = logged_in(center_admin)
    applicant = register_applicant()
    make_dispatched(applicant, center_admin, officer)
    make_draft(applicant)
    client.get(reverse("intake:project_list"))  # warm caches (session, content types)
    with django_assert_max_num_queries(16) as few:  # the sidebar's 待办 (every kind counted in one statement)
        client.get(reverse("intake:project_list"))
    for _ in range(6):
        make_dispatched(register_applicant(), center_admin, make_officer(center_admin))
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("intake:project_list"))
    assert response.content.decode().count('data-testid="project-row"') == 8


def test_applicant_registers_a_project():
    applicant = register_applicant()
    response = logged_in(applicant).post(reverse("intake:project_create"), FORM)
    project = Project.objects.get(name="五华科创园一期")
    assert response.status_code == 302
    assert response["Location"] == reverse("intake:project_detail", args=[project.pk])
    assert project.enterprise_id == applicant.enterprise_id


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("total_investment", "-5", "总投资应大于0。"),
        ("total_investment", "abc", "请输入数字。"),
        ("total_investment", "1000000000000", "总投资金额超出合理范围"),
        ("national_code", "2411-5305", "项目代码格式应为"),
        ("currency", "XYZ", "XYZ"),
        ("name", "", "请填写项目名称。"),
    ],
)
def test_bad_project_input_shows_a_message_and_saves_nothing(field, value, message):
    applicant = register_applicant()
    response = logged_in(applicant).post(reverse("intake:project_create"), {**FORM, field: value})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Project.objects.exists()


def test_designated_project_needs_the_document_number():
    applicant = register_applicant()
    response = logged_in(applicant).post(reverse("intake:project_create"), {**FORM, "designated": "on"})
    assert "请填写指定文件文号" in response.content.decode()
    assert not Project.objects.exists()


@pytest.mark.parametrize("persona", ["officer_user", "guide_user", "dept_admin", "applicant"])
def test_roles_without_an_enterprise_cannot_open_the_registration_form(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("intake:project_create")).status_code == 404


def test_centre_registers_a_project_for_an_enterprise(center_admin):
    applicant = register_applicant()
    response = logged_in(center_admin).post(
        reverse("intake:project_create"), {**FORM, "enterprise": applicant.enterprise_id}
    )
    assert response.status_code == 302
    assert Project.objects.get().enterprise_id == applicant.enterprise_id


def test_applicant_edits_a_draft_project_but_not_once_submitted():
    applicant = register_applicant()
    draft = make_draft(applicant)
    client = logged_in(applicant)
    url = reverse("intake:project_edit", args=[draft.project_id])
    assert client.post(url, {**FORM, "name": "改名后的项目"}).status_code == 302
    assert Project.objects.get(pk=draft.project_id).name == "改名后的项目"
    submitted = make_submitted(applicant)
    locked_url = reverse("intake:project_edit", args=[submitted.project_id])
    assert client.get(locked_url).status_code == 404
    response = client.post(locked_url, {**FORM, "name": "不应保存"}, follow=True)
    assert "不能再修改" in response.content.decode()
    assert Project.objects.get(pk=submitted.project_id).name != "不应保存"


@pytest.mark.parametrize("persona", ["officer_user", "guide_user", "dept_admin", "applicant"])
def test_other_peoples_projects_are_404(client, request, persona):
    project = make_project(register_applicant())
    client.force_login(request.getfixturevalue(persona))
    for name in ("project_detail", "project_edit", "project_eligibility", "request_create"):
        assert client.get(reverse(f"intake:{name}", args=[project.pk])).status_code == 404, name


def test_another_enterprise_gets_404_on_a_project():
    project = make_project(register_applicant())
    client = logged_in(register_applicant())
    assert client.get(reverse("intake:project_detail", args=[project.pk])).status_code == 404


def test_detail_shows_requests_history_officers_and_masks_phones_for_the_project_office(
    center_admin, project_office
):
    applicant = register_applicant()
    officer = make_officer(center_admin, full_name="张联络")
    project = make_dispatched(applicant, center_admin, officer)
    url = reverse("intake:project_detail", args=[project.pk])
    centre_html = logged_in(center_admin).get(url).content.decode()
    assert "张联络" in centre_html
    assert "13888120001" in centre_html  # the lead's phone in full for the centre
    assert project.service_number in centre_html
    assert "已受理" in centre_html and "待受理" in centre_html  # the transition history
    assert 'data-testid="order-docx"' in centre_html
    office_html = logged_in(project_office).get(url).content.decode()
    assert "138****0001" in office_html
    assert "13888120001" not in office_html
    assert 'data-testid="order-docx"' not in office_html  # documents carry full phones


def test_detail_hides_an_enterprises_draft_from_the_centre(center_admin):
    applicant = register_applicant()
    draft = make_draft(applicant, notes="草稿说明")
    html = (
        logged_in(center_admin)
        .get(reverse("intake:project_detail", args=[draft.project_id]))
        .content.decode()
    )
    assert reverse("intake:request_detail", args=[draft.pk]) not in html
    own = logged_in(applicant).get(reverse("intake:project_detail", args=[draft.project_id])).content.decode()
    assert reverse("intake:request_detail", args=[draft.pk]) in own


def test_eligibility_preview_of_the_form_data_saves_nothing():
    applicant = register_applicant()
    client = logged_in(applicant)
    response = client.post(reverse("intake:project_eligibility_preview"), FORM)
    html = response.content.decode()
    assert "符合实施细则第八条代办范围" in html
    assert "达到 2,000.00 万元以上（含本数）" in html
    below = client.post(
        reverse("intake:project_eligibility_preview"), {**FORM, "total_investment": "19999999.99"}
    ).content.decode()
    assert "不符合实施细则第八条任何一项" in below
    assert not Project.objects.exists()


def test_eligibility_preview_of_a_foreign_project_without_a_rate_explains_why():
    applicant = register_applicant()
    response = logged_in(applicant).post(
        reverse("intake:project_eligibility_preview"),
        {**FORM, "currency": "EUR", "investment_source": "foreign", "total_investment": "5000000"},
    )
    assert "缺少欧元（EUR）" in response.content.decode()


def test_eligibility_preview_with_an_invalid_form_names_the_fields():
    applicant = register_applicant()
    response = logged_in(applicant).post(reverse("intake:project_eligibility_preview"), {"name": "x"})
    assert "请先正确填写" in response.content.decode()


def test_accepted_project_offers_the_agreement_download(center_admin):
    applicant = register_applicant()
    entrustment = make_accepted(applicant, center_admin)
    html = (
        logged_in(applicant)
        .get(reverse("intake:project_detail", args=[entrustment.project_id]))
        .content.decode()
    )
    assert 'data-testid="agreement-docx"' in html
    assert 'data-testid="order-docx"' not in html
