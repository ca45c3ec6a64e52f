"""Every transition of the project item workflow, from every state, by every persona.

One plan holds an item in each of the ten states. Each attempt runs in a savepoint that is rolled back,
so every persona meets the same items. Allowed moves succeed with their step, acting role and audit event;
everything else is refused with a Chinese message and leaves nothing behind: NotFound for those who may
not see the item (an officer of another project, the guide of another item), PermissionDenied for those
who see it but hold no role in the transition, DomainError for the right role at the wrong moment.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import transaction

from liaison.audit.models import AuditEvent
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.intake.tests.test_services_support import register_officer
from liaison.tracking.models import ProjectItem, ProjectItemState, ProjectItemTransition
from liaison.tracking.services import project_items as svc
from liaison.tracking.tests.builders import Driver, dispatched_project, draft, item_of, make_catalogue_item
from liaison.tracking.tests.conftest import START
from liaison.tracking.workflows import PROJECT_ITEM_WORKFLOW

pytestmark = pytest.mark.django_db
STATES = [s.value for s in ProjectItemState]
CALLS: dict[str, Callable[[Any, ProjectItem], ProjectItem]] = {
    "prepare": lambda a, i: svc.project_item_prepare(actor=a, project_item=i),
    "submit": lambda a, i: svc.project_item_submit(actor=a, project_item=i),
    "accept": lambda a, i: svc.project_item_accept(actor=a, project_item=i),
    "request_supplement": lambda a, i: svc.project_item_request_supplement(
        actor=a, project_item=i, missing=["用地红线图"]
    ),
    "resubmit": lambda a, i: svc.project_item_resubmit(actor=a, project_item=i),
    "approve": lambda a, i: svc.project_item_approve(actor=a, project_item=i),
    "reject": lambda a, i: svc.project_item_reject(actor=a, project_item=i, reason="不符合规划条件"),
    "mark_not_needed": lambda a, i: svc.project_item_mark_not_needed(
        actor=a, project_item=i, reason="已取得"
    ),
    "withdraw": lambda a, i: svc.project_item_withdraw(actor=a, project_item=i, reason="方案调整"),
}
# persona -> the role it holds for the items of the plan (None: it may not see them)
PERSONAS: dict[str, str | None] = {
    "assigned_officer": "officer",
    "unassigned_officer": None,
    "current_guide": "guide",
    "other_guide": None,
    "centre": "center_admin",
    "applicant": "applicant",
    "supervisor": "supervisor",
    "centre_leader": "center_leader",
}


@pytest.fixture
def matrix(world, department, second_guide, fast_passwords):
    """Items S01…S10 guided by the current guide, one per state; Z guided by another guide."""
    admin = world.center_admin
    for n in range(1, len(STATES) + 1):
        make_catalogue_item(admin, department, f"S{n:02d}", guide=world.guide)
    make_catalogue_item(admin, department, "Z", guide=second_guide)
    project = dispatched_project(world)
    draft(world, project, START)
    driver = Driver(officer=world.officer_user, guide=world.guide, applicant=world.applicant)
    items = {
        state: driver.to(item_of(project, f"S{n:02d}"), state) for n, state in enumerate(STATES, start=1)
    }
    for state, item in items.items():
        assert ProjectItem.objects.get(pk=item.pk).state == state
    people = {
        "assigned_officer": world.officer_user,
        "unassigned_officer": register_officer(admin, "t_matrix_other").user,
        "current_guide": world.guide,
        "other_guide": second_guide,
        "centre": admin,
        "applicant": world.applicant,
        "supervisor": world.supervisor,
        "centre_leader": world.center_leader,
    }
    return items, people


def _expected(persona: str, name: str, state: str) -> type[Exception] | None:
    role = PERSONAS[persona]
    if role is None:
        return NotFound
    t = PROJECT_ITEM_WORKFLOW.transition(name)
    if role not in t.roles:
        return PermissionDenied
    return None if state in t.sources else DomainError


def _attempt(actor: Any, name: str, item: ProjectItem) -> tuple[type[Exception] | None, Any]:
    before = (ProjectItemTransition.objects.count(), AuditEvent.objects.changes().count())
    outcome: type[Exception] | None = None
    detail: Any = None
    with transaction.atomic():
        try:
            result = CALLS[name](actor, item)
            step = result.transitions.order_by("-id").first()
            detail = (
                result.state,
                step.acting_role,
                AuditEvent.objects.filter(action=f"project_item.{name}").exists(),
            )
        except DomainError as exc:
            outcome = type(exc)
            detail = exc.message
            assert (ProjectItemTransition.objects.count(), AuditEvent.objects.changes().count()) == before
        transaction.set_rollback(True)
    return outcome, detail


@pytest.mark.parametrize("persona", list(PERSONAS))
def test_every_transition_from_every_state_is_allowed_exactly_as_declared(matrix, persona):
    items, people = matrix
    actor = people[persona]
    wrong = []
    for name in CALLS:
        target = PROJECT_ITEM_WORKFLOW.transition(name).target
        for state in STATES:
            expected = _expected(persona, name, state)
            outcome, detail = _attempt(actor, name, items[state])
            if expected is None:
                ok = outcome is None and detail == (target, PERSONAS[persona], True)
            else:
                ok = outcome is expected and any("\u4e00" <= ch <= "\u9fff" for ch in str(detail))
            if not ok or (outcome is DomainError and expected is not DomainError):
                wrong.append((name, state, expected, outcome, str(detail)))
    assert wrong == []


def test_the_declared_roles_are_those_of_the_rules():
    officer = {t.name for t in PROJECT_ITEM_WORKFLOW.transitions if "officer" in t.roles}
    guide = {t.name for t in PROJECT_ITEM_WORKFLOW.transitions if "guide" in t.roles}
    centre = {t.name for t in PROJECT_ITEM_WORKFLOW.transitions if "center_admin" in t.roles}
    assert officer == {"prepare", "submit", "resubmit", "mark_not_needed", "withdraw"}
    assert guide == {"accept", "request_supplement", "approve", "reject"}
    assert centre == {"mark_not_needed", "withdraw"}
