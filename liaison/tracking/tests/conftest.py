"""Fixtures of the tracking tests: the intake personas, a small catalogue with guides, a dispatched project."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest

from liaison.catalogue.models import ApprovalItem
from liaison.intake.models import Project
from liaison.intake.tests.test_services_support import (  # noqa: F401 - fixtures
    World,
    fast_passwords,
    register_officer,
    world,
)
from liaison.officers.models import Officer
from liaison.tracking.tests.builders import Driver, dispatched_project, make_catalogue_item

START = dt.date(2026, 9, 21)  # a Monday before the 2026 Mid-Autumn and National Day holidays


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@dataclass
class Track:
    """A chain of items A → B → C → D over the four stages, an independent item E, a project dispatched."""

    world: World
    items: dict[str, ApprovalItem]
    project: Project
    other_officer: Officer

    @property
    def driver(self) -> Driver:
        return Driver(officer=self.world.officer_user, guide=self.world.guide, applicant=self.world.applicant)


@pytest.fixture
def catalogue(world: World, department: Any, second_guide: Any) -> dict[str, ApprovalItem]:
    admin, guide = world.center_admin, world.guide
    a = make_catalogue_item(admin, department, "A", limit=5, guide=guide)
    b = make_catalogue_item(admin, department, "B", limit=10, prerequisites=(a,), guide=guide)
    c = make_catalogue_item(
        admin, department, "C", stage="construction_license", limit=8, prerequisites=(b,), guide=guide
    )
    d = make_catalogue_item(
        admin, department, "D", stage="construction_permit", limit=7, prerequisites=(c,), guide=guide
    )
    e = make_catalogue_item(admin, department, "E", stage="completion", limit=3, guide=second_guide)
    return {"A": a, "B": b, "C": c, "D": d, "E": e}


@pytest.fixture
def track(world: World, catalogue: dict[str, ApprovalItem]) -> Track:
    other = register_officer(world.center_admin, "t_other_officer")
    return Track(world=world, items=catalogue, project=dispatched_project(world), other_officer=other)
