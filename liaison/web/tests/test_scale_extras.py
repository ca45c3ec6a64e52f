"""seed_scale's consultations and difficulties: the rows the services would have written, numbered so
that the services go on after them, addable to a database seeded without them (idempotently); and the
core pages of issue 16 cost the same queries with more seeded data."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import io
import itertools
from typing import Any

import pytest
from django.core.management import call_command
from django.test.utils import override_settings

from liaison.catalogue.models import GuideAssignment
from liaison.consultations.models import (
    PENDING_STATES,
    Consultation,
    ConsultationEvent,
    ConsultationState,
    Forwarding,
    OpinionReply,
)
from liaison.consultations.selectors.consultations import WAITING
from liaison.consultations.services.consultations import consultation_raise
from liaison.coordination.models import Difficulty, DifficultySerial, DifficultyState
from liaison.coordination.services.difficulties import difficulty_raise
from liaison.intake.models import Assignment
from liaison.intake.tests.test_services_support import (  # noqa: F401 - fixtures
    World,
    fast_passwords,
    world,
)
from liaison.tracking.models import ProjectItem
from liaison.tracking.tests.conftest import _media, catalogue  # noqa: F401 - fixtures
from liaison.web.scale.bench import run_bench

pytestmark = pytest.mark.django_db
S = ConsultationState


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def _seeded() -> Any:
    return Consultation.objects.filter(project__service_number__startswith="YC-S")


def _raise_consultation(officer: Any, project: Any, item: ProjectItem) -> Consultation:
    return consultation_raise(
        actor=officer,
        project=project,
        subject="s",
        situation="x",
        requests="y",
        channel="online",
        project_items=[item],
    )


def _raise_difficulty(officer: Any, project: Any) -> Difficulty:
    return difficulty_raise(
        actor=officer, project=project, title="t", description="d", analysis="a", proposal="p"
    )


def test_the_seed_raises_consultations_with_the_items_guides_and_the_history_the_services_write(
    world: World, catalogue: Any
) -> None:
    output = run("seed_scale", "--projects", "40")
    rows = list(_seeded().prefetch_related("project_items", "events", "forwardings", "replies"))
    items = ProjectItem.objects.filter(project__service_number__startswith="YC-S").count()
    assert items / 16 < len(rows) < items / 4  # about one per eight items
    assert f"consultations={len(rows)}" in output
    guides = dict(GuideAssignment.objects.filter(is_active=True).values_list("item_id", "guide_id"))
    officers = set(Assignment.objects.filter(is_active=True).values_list("project_id", "officer__user_id"))
    assert len({c.state for c in rows}) >= 3
    for c in rows:
        (item,) = c.project_items.all()
        assert item.project_id == c.project_id
        assert c.guide_id == guides[c.approval_item_id]  # routed as consultation_raise routes
        assert (c.project_id, c.raised_by_id) in officers
        assert c.reply_due is not None and c.reply_due > c.raised_at.date()
        kinds = [e.kind for e in c.events.all()]
        assert kinds[0] == "raised"
        assert [e.at for e in c.events.all()] == sorted(e.at for e in c.events.all())
        if c.state == S.FORWARDED:
            (forwarding,) = c.forwardings.all()
            assert forwarding.accepted_at is None and forwarding.to_guide_id == c.guide_id
            assert c.first_contact_id == forwarding.from_guide_id != c.guide_id
        else:
            assert c.first_contact_id == c.guide_id and item.approval_item_id == c.approval_item_id
        answered = c.state in (S.REPLIED, S.RELAYED, S.CLOSED)
        assert (len(c.replies.all()) == 1) == answered
        assert (c.first_replied_at is not None) == answered
        assert (c.relay_count == 1) == (c.state in (S.RELAYED, S.CLOSED))
        assert (c.closed_at is not None) == (c.state in (S.CLOSED, S.WITHDRAWN))
        if c.state in PENDING_STATES:
            assert kinds[-1] in ("raised", "forwarded")
    assert OpinionReply.objects.filter(materials__submission__isnull=False).exists()


def test_the_seed_takes_difficulties_along_the_workflow_and_keeps_the_serials(
    world: World, catalogue: Any
) -> None:
    run("seed_scale", "--projects", "120")
    rows = list(
        Difficulty.objects.filter(project__service_number__startswith="YC-S").prefetch_related("steps")
    )
    assert 1 < len(rows) < 20  # about one per twenty projects
    for d in rows:
        steps = list(d.steps.all())
        assert steps[0].name == "raise" and steps[-1].to_state == d.state
        assert all(a.to_state == b.from_state for a, b in itertools.pairwise(steps))
        assert (d.ended_at is not None) == (d.state in (DifficultyState.RESOLVED, DifficultyState.WITHDRAWN))
        if d.state in (DifficultyState.REPORTED, DifficultyState.CONCLUDED):
            assert d.due_on is not None  # the centre's response or feedback deadline
    project = rows[0].project
    officer = Assignment.objects.filter(project=project, is_active=True).first().officer.user
    last = max(
        int(d.number.rsplit("-", 1)[1]) for d in rows if d.number.startswith(f"NDWT-{d.raised_at.year}")
    )
    year = max(d.raised_at.year for d in rows)
    assert DifficultySerial.objects.get(year=year).last >= last
    new = _raise_difficulty(officer, project)
    assert new.number not in {d.number for d in rows}
    item = ProjectItem.objects.filter(project=project).first()
    if item is not None:
        consultation = _raise_consultation(officer, project, item)
        assert (
            not Consultation.objects.filter(number=consultation.number).exclude(pk=consultation.pk).exists()
        )


def test_extras_only_fills_a_database_seeded_without_them_once(world: World, catalogue: Any) -> None:
    run("seed_scale", "--projects", "30", "--no-extras")
    assert not _seeded().exists()
    first = run("seed_scale", "--extras-only")
    n, events = _seeded().count(), ConsultationEvent.objects.count()
    assert n > 0 and f"consultations={n}" in first
    second = run("seed_scale", "--extras-only")
    assert "consultations=0 " in second and "difficulties=0 " in second
    assert (_seeded().count(), ConsultationEvent.objects.count()) == (n, events)
    assert Forwarding.objects.count() == _seeded().filter(state=S.FORWARDED).count()


def _ensure_a_difficulty_and_a_waiting_consultation() -> None:
    """The seed raises about one difficulty per twenty projects and picks them by project id, so twenty
    projects may bring none (on PostgreSQL the ids depend on the tests run before): an empty list skips
    its rows query and would count one query fewer. Raise one of each through the services if missing."""
    assignment = (
        Assignment.objects.filter(
            is_active=True, project__service_number__startswith="YC-S", project__service_ended_at__isnull=True
        )
        .select_related("officer__user", "project")
        .first()
    )
    assert assignment is not None
    officer, project = assignment.officer.user, assignment.project
    if not Difficulty.objects.exclude(
        state__in=[DifficultyState.RESOLVED, DifficultyState.WITHDRAWN]
    ).exists():
        _raise_difficulty(officer, project)
    guided = GuideAssignment.objects.filter(is_active=True).values("item_id")
    if not Consultation.objects.filter(WAITING).exists():
        item = ProjectItem.objects.filter(project=project, approval_item_id__in=guided).first()
        assert item is not None
        _raise_consultation(officer, project, item)


def test_the_core_pages_cost_the_same_queries_with_four_times_the_seeded_data(
    world: World, catalogue: Any
) -> None:
    def counts() -> tuple[dict[str, str], dict[str, int]]:
        with override_settings(ALLOWED_HOSTS=["testserver"]):
            context, results = run_bench(1)
        return context, {r.key: r.queries for r in results}

    run("seed_scale", "--projects", "20")
    _ensure_a_difficulty_and_a_waiting_consultation()
    small_context, small = counts()
    run("seed_scale", "--projects", "60")
    large_context, large = counts()
    assert int(small_context["guide_waiting"]) > 0  # the inbox has rows in both
    assert int(large_context["consultations"]) > 2 * int(small_context["consultations"]) > 0
    assert int(large_context["officer_projects"]) > int(small_context["officer_projects"])
    assert set(small) == {
        "my_projects",
        "centre_dashboard",
        "centre_overview",
        "officer_dashboard",
        "officer_todo",
        "project_items",
        "guide_inbox",
        "consultations_officer",
        "consultations_centre",
        "difficulties_centre",
    }
    assert large == small
