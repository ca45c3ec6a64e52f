"""The registry pages: access per role, masking, forms that show the service's message, query counts."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from liaison.officers.models import Officer, OfficerRecordEntry, OfficerStatus
from liaison.officers.tests.conftest import register, table_counts

pytestmark = pytest.mark.django_db

LIST = reverse("officers:officer_list")


def detail(officer: Officer) -> str:
    return reverse("officers:officer_detail", args=[officer.pk])


@pytest.fixture
def as_user(client):
    def login(user):
        client.force_login(user)
        return client

    return login


# --- list -------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["center_admin", "center_leader", "supervisor"])
def test_centre_and_supervisor_see_the_list_with_full_phones(
    request, as_user, persona, officer, other_officer
):
    response = as_user(request.getfixturevalue(persona)).get(LIST)

    assert response.status_code == 200
    html = response.content.decode()
    assert "13700002222" in html
    assert "13800001111" in html
    assert other_officer.number in html
    assert detail(other_officer) in html


def test_an_officer_sees_the_list_with_other_phones_masked_and_only_their_own_link(
    as_user, officer, other_officer
):
    response = as_user(officer.user).get(LIST)

    html = response.content.decode()
    assert response.status_code == 200
    assert "137****2222" in html
    assert "13700002222" not in html
    assert "13800001111" in html  # their own
    assert detail(officer) in html
    assert detail(other_officer) not in html
    assert 'data-testid="register-officer"' not in html
    assert 'data-testid="export-xlsx"' not in html


@pytest.mark.parametrize("persona", ["guide_user", "applicant", "dept_admin", "project_office"])
def test_other_roles_are_refused_the_list(request, as_user, persona, other_officer):
    response = as_user(request.getfixturevalue(persona)).get(LIST)

    assert response.status_code == 403
    assert other_officer.number.encode() not in response.content


def test_the_list_requires_sign_in(client):
    response = client.get(LIST)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_list_shows_counts_per_status_and_filters(as_user, center_admin, officer, other_officer):
    from liaison.officers.services.officer_status import officer_suspend

    officer_suspend(actor=center_admin, officer=other_officer, reason="外派")
    client = as_user(center_admin)

    page = client.get(LIST).content.decode()
    assert 'data-testid="count-active"' in page
    assert page.count('data-testid="officer-row"') == 2
    filtered = client.get(LIST, {"status": "suspended"}).content.decode()
    assert filtered.count('data-testid="officer-row"') == 1
    assert other_officer.number in filtered
    assert officer.number not in filtered
    assert client.get(LIST, {"q": "联络官甲"}).content.decode().count('data-testid="officer-row"') == 1
    assert client.get(LIST, {"unit": "区住建局"}).content.decode().count('data-testid="officer-row"') == 1
    assert client.get(LIST, {"status": "bogus"}).status_code == 200  # an unknown status is ignored


def test_the_list_page_issues_a_constant_number_of_queries(
    as_user, center_admin, django_assert_max_num_queries
):
    client = as_user(center_admin)
    for i in range(2):
        register(center_admin, f"few{i}")
    with CaptureQueriesContext(connection) as few:
        client.get(LIST)
    for i in range(15):
        register(center_admin, f"many{i}")
    with CaptureQueriesContext(connection) as many:
        response = client.get(LIST)

    assert response.content.decode().count('data-testid="officer-row"') == 17
    assert len(many) == len(few)
    with django_assert_max_num_queries(len(few)):
        client.get(LIST)


def test_the_list_paginates(as_user, center_admin):
    for i in range(27):
        register(center_admin, f"p{i}")
    client = as_user(center_admin)

    first = client.get(LIST).content.decode()
    second = client.get(LIST, {"page": 2}).content.decode()

    assert first.count('data-testid="officer-row"') == 25
    assert second.count('data-testid="officer-row"') == 2


# --- detail -----------------------------------------------------------------


@pytest.mark.parametrize("persona", ["center_admin", "center_leader", "supervisor"])
def test_readers_open_the_detail_with_record_timeline(request, as_user, persona, other_officer):
    response = as_user(request.getfixturevalue(persona)).get(detail(other_officer))

    html = response.content.decode()
    assert response.status_code == 200
    assert "13700002222" in html
    assert html.count('data-testid="record-entry"') == 1
    assert "登记备案" in html
    assert 'data-testid="officer-evaluations"' in html  # served projects and evaluations (evaluation's panel)


def test_the_admin_sees_management_buttons_and_the_leader_does_not(
    as_user, center_admin, center_leader, other_officer
):
    admin_html = as_user(center_admin).get(detail(other_officer)).content.decode()
    leader_html = as_user(center_leader).get(detail(other_officer)).content.decode()

    for testid in ("edit-officer", "add-record", "suspend-officer"):
        assert f'data-testid="{testid}"' in admin_html
        assert f'data-testid="{testid}"' not in leader_html
    assert 'data-testid="reinstate-officer"' not in admin_html


def test_an_officer_opens_their_own_detail_but_not_anothers(as_user, officer, other_officer):
    client = as_user(officer.user)

    own = client.get(detail(officer))
    assert own.status_code == 200
    assert "13800001111" in own.content.decode()
    assert 'data-testid="edit-officer"' not in own.content.decode()
    assert client.get(detail(other_officer)).status_code == 404


@pytest.mark.parametrize("persona", ["guide_user", "applicant", "dept_admin", "project_office"])
def test_other_roles_get_404_on_detail_and_management_pages(request, as_user, persona, other_officer):
    client = as_user(request.getfixturevalue(persona))

    for name in ("officer_detail", "officer_edit", "officer_status", "officer_record_add"):
        assert client.get(reverse(f"officers:{name}", args=[other_officer.pk])).status_code == 404
    assert client.get(reverse("officers:officer_detail", args=[other_officer.pk + 99])).status_code == 404


def test_an_officer_gets_404_on_management_pages_of_another_and_403_on_their_own(
    as_user, officer, other_officer
):
    client = as_user(officer.user)

    for name in ("officer_edit", "officer_status", "officer_record_add"):
        assert client.get(reverse(f"officers:{name}", args=[other_officer.pk])).status_code == 404
        assert client.get(reverse(f"officers:{name}", args=[officer.pk])).status_code == 403


# --- register / edit / status / records ------------------------------------


def test_center_admin_registers_through_the_form(as_user, center_admin):
    client = as_user(center_admin)
    assert client.get(reverse("officers:officer_register")).status_code == 200

    response = client.post(
        reverse("officers:officer_register"),
        {"username": "form_officer", "full_name": "表单联络官", "mobile": "13611112222", "unit": "区发改局"},
    )

    officer = Officer.objects.get(user__username="form_officer")
    assert response.status_code == 302
    assert response["Location"] == detail(officer)
    assert client.get(response["Location"]).status_code == 200


def test_the_register_form_shows_the_services_message_and_saves_nothing(as_user, center_admin):
    before = table_counts()

    response = as_user(center_admin).post(
        reverse("officers:officer_register"),
        {"username": "bad_mobile", "full_name": "某某", "mobile": "12345", "unit": "区发改局"},
    )

    assert response.status_code == 200
    assert "手机号码应为以1开头的11位数字" in response.content.decode()
    assert 'data-testid="error-mobile"' in response.content.decode()
    assert table_counts() == before


def test_the_register_form_reports_missing_fields_in_chinese(as_user, center_admin):
    response = as_user(center_admin).post(reverse("officers:officer_register"), {})

    html = response.content.decode()
    assert response.status_code == 200
    assert "请填写登录账号。" in html
    assert "请填写手机号码。" in html


@pytest.mark.parametrize(
    "persona", ["center_leader", "supervisor", "officer_user", "guide_user", "applicant"]
)
def test_only_the_center_admin_opens_the_register_form(request, as_user, persona):
    client = as_user(request.getfixturevalue(persona))

    assert client.get(reverse("officers:officer_register")).status_code == 403
    response = client.post(
        reverse("officers:officer_register"),
        {"username": "x1", "full_name": "某某", "mobile": "13611112222", "unit": "区发改局"},
    )
    assert response.status_code == 403
    assert not Officer.objects.exists()


def test_center_admin_edits_through_the_form(as_user, center_admin, other_officer):
    url = reverse("officers:officer_edit", args=[other_officer.pk])
    client = as_user(center_admin)
    assert other_officer.number in client.get(url).content.decode()

    response = client.post(
        url,
        {
            "number": other_officer.number,
            "full_name": "联络官乙",
            "mobile": "13700002222",
            "unit": "区城管局",
            "registered_on": other_officer.registered_on.isoformat(),
        },
    )

    assert response.status_code == 302
    assert Officer.objects.get(pk=other_officer.pk).unit == "区城管局"


def test_the_edit_form_refuses_a_duplicate_number(as_user, center_admin, officer, other_officer):
    response = as_user(center_admin).post(
        reverse("officers:officer_edit", args=[other_officer.pk]),
        {
            "number": officer.number,
            "full_name": "联络官乙",
            "mobile": "13700002222",
            "unit": "区城管局",
            "registered_on": other_officer.registered_on.isoformat(),
        },
    )

    assert response.status_code == 200
    assert "已被" in response.content.decode()
    assert Officer.objects.get(pk=other_officer.pk).unit == "区住建局"


def test_suspend_and_reinstate_through_the_status_page(as_user, center_admin, other_officer):
    client = as_user(center_admin)
    url = reverse("officers:officer_status", args=[other_officer.pk])
    assert "确认暂停派任" in client.get(url).content.decode()

    missing = client.post(url, {"action": "suspend", "reason": ""})
    assert "请填写原因。" in missing.content.decode()
    assert Officer.objects.get(pk=other_officer.pk).status == OfficerStatus.ACTIVE

    assert client.post(url, {"action": "suspend", "reason": "外派学习"}).status_code == 302
    assert Officer.objects.get(pk=other_officer.pk).status == OfficerStatus.SUSPENDED
    assert "确认恢复派任" in client.get(url).content.decode()

    # A second "suspend" submitted from a stale page is refused, never turned into a reinstatement.
    stale = client.post(url, {"action": "suspend", "reason": "重复提交"})
    assert stale.status_code == 200
    assert "不能暂停派任" in stale.content.decode()
    assert Officer.objects.get(pk=other_officer.pk).status == OfficerStatus.SUSPENDED

    assert client.post(url, {"action": "reinstate", "reason": "回岗"}).status_code == 302
    assert Officer.objects.get(pk=other_officer.pk).status == OfficerStatus.ACTIVE


def test_the_leader_is_refused_the_status_page(as_user, center_leader, other_officer):
    url = reverse("officers:officer_status", args=[other_officer.pk])
    client = as_user(center_leader)

    assert client.get(url).status_code == 403
    assert client.post(url, {"action": "suspend", "reason": "越权"}).status_code == 403
    assert Officer.objects.get(pk=other_officer.pk).status == OfficerStatus.ACTIVE


def test_center_admin_adds_a_record_line_through_the_form(as_user, center_admin, other_officer):
    url = reverse("officers:officer_record_add", args=[other_officer.pk])
    client = as_user(center_admin)
    assert client.get(url).status_code == 200

    bad = client.post(url, {"kind": "commendation", "date": "2999-01-01", "text": "表扬"})
    assert "记录日期不能晚于今天。" in bad.content.decode()
    response = client.post(url, {"kind": "commendation", "date": "2024-01-05", "text": "项目单位来信表扬"})

    assert response.status_code == 302
    assert OfficerRecordEntry.objects.filter(officer=other_officer, kind="commendation").count() == 1
    assert "项目单位来信表扬" in client.get(detail(other_officer)).content.decode()
