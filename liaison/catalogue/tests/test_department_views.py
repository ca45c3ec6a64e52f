"""Department pages: list with item counts for everyone, create and edit for the centre."""

from __future__ import annotations

import pytest
from django.urls import reverse

from liaison.catalogue.tests.builders import make_item
from liaison.directory.models import Department

pytestmark = pytest.mark.django_db


def test_list_shows_departments_with_active_item_counts(client, officer_user, center_admin, department):
    make_item(center_admin, department, "A1", "一")
    make_item(center_admin, department, "A2", "二")
    client.force_login(officer_user)
    response = client.get(reverse("catalogue:department_list"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "区发展和改革局" in body
    assert f'?department={department.pk}" data-testid="department-items-DRC">2</a>' in body
    assert "新增部门" not in body


def test_center_admin_creates_a_department(client, center_admin):
    client.force_login(center_admin)
    assert "新增部门" in client.get(reverse("catalogue:department_list")).content.decode()
    response = client.post(
        reverse("catalogue:department_create"),
        {"code": "HCD", "name": "区住房和城乡建设局", "short_name": "住建局", "sort_order": "3"},
    )
    assert response.status_code == 302
    assert Department.objects.get(code="HCD").name == "区住房和城乡建设局"


def test_duplicate_department_is_shown_on_the_field(client, center_admin, department):
    client.force_login(center_admin)
    response = client.post(
        reverse("catalogue:department_create"), {"code": "NEW", "name": "区发展和改革局", "sort_order": "1"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-testid="error-name"' in body
    assert "部门名称“区发展和改革局”已存在。" in body
    assert not Department.objects.filter(code="NEW").exists()


def test_bad_sort_order_is_a_form_error_not_a_crash(client, center_admin):
    client.force_login(center_admin)
    response = client.post(
        reverse("catalogue:department_create"), {"code": "X", "name": "某局", "sort_order": "abc"}
    )
    assert response.status_code == 200
    assert 'data-testid="error-sort_order"' in response.content.decode()


def test_center_admin_edits_and_disables_an_empty_department(client, center_admin, other_department):
    client.force_login(center_admin)
    url = reverse("catalogue:department_edit", args=[other_department.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"code": "NRB", "name": "区自然资源局", "phone": "0871-1234", "sort_order": "2"}
    )  # is_active unticked
    assert response.status_code == 302
    other_department.refresh_from_db()
    assert (other_department.phone, other_department.is_active) == ("0871-1234", False)


@pytest.mark.parametrize("persona", ["dept_admin", "center_leader", "supervisor", "applicant"])
def test_other_roles_cannot_create_or_edit_departments(client, request, persona, department):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("catalogue:department_create")).status_code == 403
    assert (
        client.post(reverse("catalogue:department_edit", args=[department.pk]), {"name": "x"}).status_code
        == 403
    )


def test_edit_of_missing_department_is_404(client, center_admin):
    client.force_login(center_admin)
    assert client.get(reverse("catalogue:department_edit", args=[55555])).status_code == 404
