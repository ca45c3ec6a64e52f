"""Fixtures of the difficulty tests: the intake personas, one catalogue item with its guide, a planned
project with its officer, and a second project of another officer."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest

from liaison.intake.models import Project
from liaison.intake.tests.test_services_support import (  # noqa: F401 - fixtures
    World,
    fast_passwords,
    register_officer,
    world,
)
from liaison.officers.models import Officer
from liaison.tracking.models import ProjectItem
from liaison.tracking.services.plans import plan_draft_from_entrustment
from liaison.tracking.tests.builders import dispatched_project, make_catalogue_item


@dataclass
class Case:
    world: World
    project: Project
    item: ProjectItem
    other_project: Project
    other_officer: Officer


@pytest.fixture
def case(world: World, department: Any) -> Case:
    make_catalogue_item(world.center_admin, department, "DRC-201", limit=5, guide=world.guide)
    project = dispatched_project(world, name="螺蛳湾物流园")
    plan_draft_from_entrustment(actor=world.officer_user, project=project, start_date=dt.date(2026, 9, 21))
    other = register_officer(world.center_admin, "t_other_officer")
    other_project = dispatched_project(world, name="另一项目", officer=other)
    return Case(world, project, project.tracking_items.get(), other_project, other)
