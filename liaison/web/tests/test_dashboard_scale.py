"""seed_scale builds benchmark data in bulk; bench_pages times the pages that must scale and prints figures."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from liaison.catalogue.models import MaterialRequirement
from liaison.directory.models import Enterprise
from liaison.intake.models import Assignment, Entrustment, Project
from liaison.intake.tests.test_services_support import (  # noqa: F401 - fixtures
    World,
    fast_passwords,
    world,
)
from liaison.tracking.models import MaterialSubmission, ProjectItem, ServicePlan
from liaison.tracking.tests.conftest import _media, catalogue  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db
ROW = re.compile(
    r"^(?P<name>.+?)\s+(?P<mode>http|selector)\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+(\d+)$"
)


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_seed_scale_creates_dispatched_projects_with_plans_items_and_materials(
    world: World, catalogue: Any
) -> None:
    output = run("seed_scale", "--projects", "20")
    projects = Project.objects.filter(is_sample=True, service_number__startswith="YC-S")
    assert projects.count() == 20
    assert projects.filter(registered_at__isnull=True).count() == 0
    assert Entrustment.objects.filter(project__in=projects, status="accepted").count() == 20
    assert Assignment.objects.filter(project__in=projects, role="lead", is_active=True).count() == 20
    assert Assignment.objects.filter(project__in=projects, officer=world.officer).exists()
    assert Enterprise.objects.filter(is_sample=True).count() == 5
    items = ProjectItem.objects.filter(project__in=projects)
    assert items.count() > 20
    assert items.values("state").distinct().count() >= 3
    assert (
        ServicePlan.objects.filter(project__in=projects).count()
        == projects.filter(tracking_items__isnull=False).distinct().count()
    )
    assert MaterialSubmission.objects.filter(project_item__in=items).exists()
    # The materials (written as plain rows) are the catalogue's checklist copied as plan drafting copies it.
    for item in items.select_related("approval_item").prefetch_related("materials"):
        wanted = [
            (r.pk, r.seq, r.name, r.form, r.copies, r.required, r.issuing_body)
            for r in MaterialRequirement.objects.filter(item=item.approval_item).order_by("seq")
        ]
        lines = list(item.materials.all())
        assert [
            (m.requirement_id, m.seq, m.name, m.form, m.copies, m.required, m.issuing_body) for m in lines
        ] == wanted
        assert all(m.file_count == 0 and m.revision_reason == "" and m.updated_at is not None for m in lines)
    assert "projects=20" in output
    assert "seed_scale done in" in output


def test_seed_scale_can_run_twice_without_clashing_codes(world: World, catalogue: Any) -> None:
    run("seed_scale", "--projects", "5")
    run("seed_scale", "--projects", "5")
    assert Project.objects.filter(service_number__startswith="YC-S").count() == 10


def test_seed_scale_refuses_a_database_without_officers(center_admin: Any, department: Any) -> None:
    with pytest.raises(CommandError, match="load_demo"):
        run("seed_scale", "--projects", "3")
    assert not Project.objects.exists()


def test_bench_pages_prints_p50_p95_max_cpu_and_query_counts_for_each_page(
    world: World, catalogue: Any
) -> None:
    run("seed_scale", "--projects", "20")
    lines = run("bench_pages", "--repeat", "2").splitlines()
    assert lines[0].startswith("database=")
    assert "repeat=2" in lines[0]
    assert lines[1].split() == ["page", "mode", "runs", "p50_ms", "p95_ms", "max_ms", "cpu_p50_ms", "queries"]
    rows = [m for m in (ROW.match(line) for line in lines[2:]) if m]
    assert [" ".join(m["name"].split(" ")[:2]) for m in rows] == [
        "my projects",
        "centre dashboard",
        "centre overview",
        "officer's dashboard",
        "officer's 待办",
        "project items",
        "guide's 待回复",
        "consultations /consultations/",
        "consultations /consultations/",
        "difficulties /coordination/difficulties/",
    ]
    for m in rows:
        p50, p95, top, cpu, queries = float(m[4]), float(m[5]), float(m[6]), float(m[7]), int(m[8])
        assert m[3] == "2"
        assert 0 < p50 <= p95 <= top
        assert cpu > 0
        assert queries > 0
    assert lines[-1].startswith("target p95 < 100 ms:")


def test_bench_pages_rejects_a_repeat_below_one(world: World) -> None:
    with pytest.raises(CommandError, match="--repeat"):
        run("bench_pages", "--repeat", "0")
