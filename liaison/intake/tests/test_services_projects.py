"""Registering and editing projects: who may, when, and with which codes."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import pytest

from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.intake.services.projects import project_update
from liaison.intake.tests.test_services_support import (  # noqa: F401 - fixtures
    fast_passwords,
    make_project,
    request_in,
    world,
)

pytestmark = pytest.mark.django_db


def test_the_project_is_frozen_for_the_enterprise_while_its_request_is_under_review(world):
    submitted = request_in("submitted", applicant=world.applicant, admin=world.center_admin)
    with pytest.raises(PermissionDenied, match="不能再修改"):
        project_update(actor=world.applicant, project=submitted.project, name="改名")
    with pytest.raises(NotFound):
        project_update(actor=world.other_applicant, project=submitted.project, name="改名")
    updated = project_update(actor=world.center_admin, project=submitted.project, name="中心更正名称")
    assert updated.name == "中心更正名称"


def test_the_centre_registers_a_project_only_for_a_chosen_enterprise(world):
    with pytest.raises(DomainError, match="请选择项目单位"):
        make_project(world.center_admin)
    enterprise = world.applicant.enterprise
    project = make_project(world.center_admin, enterprise=enterprise)
    assert project.enterprise == enterprise


@pytest.mark.parametrize("persona", ["guide", "department_admin", "officer_user", "supervisor"])
def test_roles_other_than_the_enterprise_and_the_centre_cannot_register_projects(world, persona):
    with pytest.raises(PermissionDenied):
        make_project(world.persona(persona))


def test_an_invalid_national_project_code_is_refused(world):
    with pytest.raises(DomainError, match="YYMM-RRRRRR-NN-NN-NNNNNN") as caught:
        make_project(world.applicant, national_code="2611-530102-04-01-12345")
    assert caught.value.field == "national_code"
    with pytest.raises(DomainError, match="月份"):
        make_project(world.applicant, national_code="2613-530102-04-01-123456")
