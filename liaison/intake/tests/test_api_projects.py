"""/api/v1/intake: registration, projects, the Art. 8 preview and my-projects."""

from __future__ import annotations

import pytest

from liaison.directory.models import Enterprise, User
from liaison.intake.models import Project
from liaison.intake.tests.test_views_support import (
    api_client,
    make_dispatched,
    make_draft,
    make_officer,
    make_project,
    register_applicant,
    uscc,
)

pytestmark = pytest.mark.django_db
BASE = "/api/v1/intake"
PROJECT = {
    "name": "五华科创园一期",
    "location": "昆明市五华区学府路",
    "content": "新建研发楼2栋。",
    "total_investment": "20000000.00",
    "investor_nature": "enterprise",
    "investment_source": "domestic",
    "current_stage": "approval_land",
}
REGISTRATION = {
    "name": "云南五华测试置业有限公司",
    "uscc": uscc(77),
    "address": "昆明市五华区东风西路1号",
    "legal_representative": "赵立",
    "username": "api_applicant",
    "password": "Wuhua-Liaison-2026!",
    "email": "ent@example.com",
    "lead_name": "周海明",
    "lead_mobile": "13888120001",
    "handler_name": "王丽娟",
    "handler_mobile": "13888120002",
}


def test_register_is_public_and_creates_the_enterprise(client):
    response = client.post(f"{BASE}/register", REGISTRATION, content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["username"] == "api_applicant" and body["uscc"] == uscc(77)
    assert User.objects.get(username="api_applicant").enterprise_id == body["enterprise_id"]


def test_register_with_a_bad_code_answers_in_chinese_and_saves_nothing(client):
    bad = {**REGISTRATION, "uscc": "915301020000000000"}
    response = client.post(f"{BASE}/register", bad, content_type="application/json")
    assert response.status_code == 400
    assert "统一社会信用代码" in response.json()["detail"]
    assert not Enterprise.objects.exists() and not User.objects.filter(username="api_applicant").exists()


def test_applicant_registers_and_lists_own_projects(client):
    applicant = register_applicant()
    make_project(register_applicant(), name="别人的项目")
    headers = api_client(applicant)
    created = client.post(f"{BASE}/projects", PROJECT, content_type="application/json", **headers)
    assert created.status_code == 201, created.content
    assert created.json()["allowed_actions"]["request"] is True
    listing = client.get(f"{BASE}/projects", **headers).json()
    assert listing["count"] == 1
    assert listing["items"][0]["name"] == "五华科创园一期"


@pytest.mark.parametrize(
    ("changes", "status", "message"),
    [
        ({"total_investment": "-1"}, 400, "总投资应大于0。"),
        ({"total_investment": "abc"}, 422, "请输入数字"),
        ({"currency": "XYZ"}, 400, "不支持的币种"),
        ({"national_code": "24-530102"}, 400, "项目代码格式应为"),
        ({"investor_nature": "martian"}, 400, "投资主体性质取值无效"),
    ],
)
def test_bad_project_input_answers_in_chinese_and_saves_nothing(client, changes, status, message):
    headers = api_client(register_applicant())
    response = client.post(
        f"{BASE}/projects", {**PROJECT, **changes}, content_type="application/json", **headers
    )
    assert response.status_code == status
    assert message in response.json()["detail"]
    assert not Project.objects.exists()


@pytest.mark.parametrize("persona", ["officer_user", "guide_user", "applicant", "dept_admin"])
def test_other_peoples_projects_are_404(client, request, persona):
    project = make_project(register_applicant())
    headers = api_client(request.getfixturevalue(persona))
    assert client.get(f"{BASE}/projects/{project.pk}", **headers).status_code == 404
    assert client.get(f"{BASE}/projects/{project.pk}/eligibility", **headers).status_code == 404
    patched = client.patch(
        f"{BASE}/projects/{project.pk}", {"name": "x"}, content_type="application/json", **headers
    )
    assert patched.status_code == 404
    assert Project.objects.get(pk=project.pk).name != "x"


def test_patch_edits_a_draft_project(client):
    applicant = register_applicant()
    draft = make_draft(applicant)
    response = client.patch(
        f"{BASE}/projects/{draft.project_id}",
        {"name": "改名"},
        content_type="application/json",
        **api_client(applicant),
    )
    assert response.status_code == 200
    assert response.json()["name"] == "改名"


def test_detail_masks_contact_phones_for_the_project_office(client, center_admin, project_office):
    project = make_dispatched(register_applicant(), center_admin, make_officer(center_admin))
    office = client.get(f"{BASE}/projects/{project.pk}", **api_client(project_office)).json()
    assert {c["mobile"] for c in office["contacts"]} == {"138****0001", "138****0002"}
    centre = client.get(f"{BASE}/projects/{project.pk}", **api_client(center_admin)).json()
    assert "13888120001" in {c["mobile"] for c in centre["contacts"]}
    assert centre["service_number"] and centre["assignments"][0]["role"] == "lead"


def test_eligibility_preview_reports_each_clause(client):
    applicant = register_applicant()
    project = make_project(applicant, total_investment="20000000.00", attraction_landed=True)
    body = client.get(f"{BASE}/projects/{project.pk}/eligibility", **api_client(applicant)).json()
    assert body["eligible"] is True
    assert [c["met"] for c in body["clauses"]] == [True, False, True, False]


def test_my_projects_lists_only_the_officers_own(client, center_admin):
    me, other = make_officer(center_admin), make_officer(center_admin)
    mine = make_dispatched(register_applicant(), center_admin, me)
    make_dispatched(register_applicant(), center_admin, other)
    body = client.get(f"{BASE}/my-projects", **api_client(me.user)).json()
    assert [p["id"] for p in body["items"]] == [mine.pk]


def test_my_projects_is_403_for_non_officers(client, center_admin):
    assert client.get(f"{BASE}/my-projects", **api_client(center_admin)).status_code == 403


def test_without_credentials_the_api_answers_401(client):
    assert client.get(f"{BASE}/projects").status_code == 401


def test_project_list_queries_do_not_grow_with_rows(client, center_admin, django_assert_max_num_queries):
    headers = api_client(center_admin)
    make_dispatched(register_applicant(), center_admin, make_officer(center_admin))
    with django_assert_max_num_queries(12) as few:
        client.get(f"{BASE}/projects", **headers)
    for _ in range(4):
        make_dispatched(register_applicant(), center_admin, make_officer(center_admin))
    with django_assert_max_num_queries(len(few.captured_queries)):
        body = client.get(f"{BASE}/projects", **headers).json()
    assert body["count"] == 5 and all(
        p["officers"] and p["latest_status"] == "accepted" for p in body["items"]
    )
