"""Fixtures of the consultation tests: the intake personas, two departments' items with guides, a planned project."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from liaison.consultations.tests.builders import Desk
from liaison.directory.roles import Role
from liaison.intake.tests.test_services_support import World, fast_passwords, world  # noqa: F401 - fixtures
from liaison.testing.personas import make_user
from liaison.tracking.services.plans import plan_draft_from_entrustment
from liaison.tracking.tests.builders import dispatched_project, make_catalogue_item


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def desk(world: World, department: Any, other_department: Any) -> Desk:
    admin = world.center_admin
    other_guide = make_user(
        "t_guide_nrb",
        roles=(Role.GUIDE,),
        department=other_department,
        full_name="指导员丙",
        mobile="13700007777",
    )
    other_admin = make_user(
        "t_dept_admin_nrb",
        roles=(Role.DEPARTMENT_ADMIN,),
        department=other_department,
        full_name="部门管理员乙",
    )
    item = make_catalogue_item(admin, department, "DRC-A", limit=5, guide=world.guide)
    other_item = make_catalogue_item(admin, other_department, "NRB-X", limit=10, guide=other_guide)
    project = dispatched_project(world, name="翠湖智造研发中心")
    plan_draft_from_entrustment(actor=world.officer_user, project=project, start_date=dt.date(2026, 9, 21))
    return Desk(
        world=world,
        project=project,
        item=item,
        other_item=other_item,
        other_guide=other_guide,
        other_department_admin=other_admin,
    )
