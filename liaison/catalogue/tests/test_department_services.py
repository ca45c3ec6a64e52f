"""Creating and editing departments: centre only, clear messages, audited."""

from __future__ import annotations

import pytest

from liaison.audit.models import AuditEvent
from liaison.catalogue.services.departments import department_create, department_update
from liaison.catalogue.tests.builders import make_item
from liaison.core.errors import DomainError, PermissionDenied
from liaison.directory.models import Department

pytestmark = pytest.mark.django_db


def test_center_admin_creates_a_department_and_it_is_audited(center_admin):
    department = department_create(
        actor=center_admin, code="HCD", name="区住房和城乡建设局", short_name="住建局", sort_order=3
    )
    assert Department.objects.get(code="HCD").short_name == "住建局"
    event = AuditEvent.objects.get(action="department.create")
    assert event.object_id == str(department.pk)
    assert event.actor == center_admin


@pytest.mark.parametrize("persona", ["dept_admin", "center_leader", "supervisor", "guide_user", "applicant"])
def test_other_roles_cannot_create_departments(request, persona):
    with pytest.raises(PermissionDenied):
        department_create(actor=request.getfixturevalue(persona), code="X1", name="某部门")
    assert not Department.objects.filter(code="X1").exists()


def test_duplicate_code_is_refused_in_chinese(center_admin, department):
    with pytest.raises(DomainError) as info:
        department_create(actor=center_admin, code="drc", name="另一个部门")
    assert info.value.field == "code"
    assert "已被使用" in str(info.value.message)


def test_blank_name_is_refused(center_admin):
    with pytest.raises(DomainError) as info:
        department_create(actor=center_admin, code="NEW", name="  ")
    assert info.value.message == "请填写部门名称。"
    assert not Department.objects.filter(code="NEW").exists()


def test_update_changes_fields_and_records_the_diff(center_admin, department):
    updated = department_update(
        actor=center_admin, department=department, phone="0871-63100000", sort_order=5
    )
    assert updated.phone == "0871-63100000"
    event = AuditEvent.objects.get(action="department.update")
    assert event.changes["diff"]["phone"] == ["", "0871-63100000"]


def test_department_admin_cannot_update_even_own_department(dept_admin, department):
    with pytest.raises(PermissionDenied):
        department_update(actor=dept_admin, department=department, name="改名")
    department.refresh_from_db()
    assert department.name == "区发展和改革局"


def test_department_with_active_items_cannot_be_disabled(center_admin, department):
    make_item(center_admin, department)
    with pytest.raises(DomainError) as info:
        department_update(actor=center_admin, department=department, is_active=False)
    assert "仍有启用的事项" in str(info.value.message)
    department.refresh_from_db()
    assert department.is_active


def test_unknown_field_is_refused(center_admin, department):
    with pytest.raises(DomainError):
        department_update(actor=center_admin, department=department, colour="red")
