"""Every transition of the entrustment workflow, from every state, by every role.

Allowed moves succeed with their step, audit event and notifications; every other combination is refused
with a Chinese message (NotFound for those who may not see the request, PermissionDenied for those who
see it but may not act, DomainError/Conflict for the right role at the wrong moment) and changes nothing.
"""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from liaison.audit.models import AuditEvent
from liaison.core.errors import Conflict, DomainError, NotFound, PermissionDenied
from liaison.intake.models import Entrustment, EntrustmentStatus
from liaison.intake.services.entrustments import entrustment_submit, entrustment_withdraw
from liaison.intake.services.review import (
    entrustment_accept,
    entrustment_conclude,
    entrustment_reject,
    entrustment_return,
)
from liaison.intake.tests.test_services_support import (  # noqa: F401 - fixtures
    World,
    fast_passwords,
    footprint,
    has_chinese,
    request_in,
    world,
)
from liaison.intake.workflows import ENTRUSTMENT_WORKFLOW
from liaison.notifications.models import Notification

pytestmark = pytest.mark.django_db

CALLS: dict[str, Callable[[Any, Entrustment], Entrustment]] = {
    "submit": lambda actor, e: entrustment_submit(
        actor=actor, entrustment=e, accept_terms=True, ineligible_reason="理由"
    ),
    "withdraw": lambda actor, e: entrustment_withdraw(actor=actor, entrustment=e, reason="计划调整"),
    "return": lambda actor, e: entrustment_return(
        actor=actor, entrustment=e, missing=["用地红线图", "备案证明"]
    ),
    "accept": lambda actor, e: entrustment_accept(actor=actor, entrustment=e),
    "reject": lambda actor, e: entrustment_reject(actor=actor, entrustment=e, reason="不符合第八条"),
    "conclude": lambda actor, e: entrustment_conclude(actor=actor, entrustment=e, comment="服务办结"),
}
# Persona name in the World -> the role the transition table speaks of.
PERSONAS = {
    "center_admin": "center_admin",
    "center_leader": "center_leader",
    "supervisor": "supervisor",
    "officer_user": "officer",
    "guide": "guide",
    "department_admin": "department_admin",
    "applicant": "applicant",
    "other_applicant": "applicant of another enterprise",
    "project_office": "project_office",
}
OVERSIGHT = {"center_admin", "center_leader", "supervisor", "project_office"}
CENTRE_DECISIONS = {"return", "accept", "reject"}
DECIDED = {"returned", "accepted", "rejected", "withdrawn", "concluded"}


def _visible(persona: str, state: str) -> bool:
    if persona == "applicant":
        return True
    if persona in OVERSIGHT:
        return state != EntrustmentStatus.DRAFT  # a draft is the enterprise's own business
    if persona == "officer_user":  # dispatched to it in this matrix (and still assigned once concluded)
        return state in (EntrustmentStatus.ACCEPTED, EntrustmentStatus.CONCLUDED)
    return False


def _allowed(transition: str, state: str, persona: str) -> bool:
    t = ENTRUSTMENT_WORKFLOW.transition(transition)
    role_ok = (persona == "applicant" and "applicant" in t.roles) or (
        persona == "center_admin" and "center_admin" in t.roles
    )
    return role_ok and state in t.sources


def expected(transition: str, state: str, persona: str) -> type[DomainError] | None:
    if _allowed(transition, state, persona):
        return None
    if not _visible(persona, state):
        return NotFound
    t = ENTRUSTMENT_WORKFLOW.transition(transition)
    may_take = (persona == "applicant" and "applicant" in t.roles) or (
        persona == "center_admin" and "center_admin" in t.roles
    )
    if not may_take:
        return PermissionDenied
    if transition in CENTRE_DECISIONS and state in DECIDED:
        return Conflict
    return DomainError


CASES = [
    (t.name, state, persona)
    for t in ENTRUSTMENT_WORKFLOW.transitions
    for state in ENTRUSTMENT_WORKFLOW.states
    for persona in PERSONAS
]


def _case_id(case: tuple[str, str, str]) -> str:
    transition, state, persona = case
    verb = "may" if expected(*case) is None else "may_not"
    return f"{persona}_{verb}_{transition}_a_{state}_request"


def test_every_workflow_transition_has_a_service_in_this_matrix():
    assert set(CALLS) == {t.name for t in ENTRUSTMENT_WORKFLOW.transitions}
    assert set(ENTRUSTMENT_WORKFLOW.states) == set(EntrustmentStatus.values)


def _recipients_of_success(world: World, transition: str, state: str) -> set[int]:
    if transition in ("submit",) or (transition == "withdraw" and state != EntrustmentStatus.DRAFT):
        return {world.center_admin.pk}
    if transition in CENTRE_DECISIONS:
        return {world.applicant.pk}
    return set()


@pytest.mark.parametrize(("transition", "state", "persona"), CASES, ids=[_case_id(c) for c in CASES])
def test_transition_by_role_from_state(world, transition, state, persona):
    entrustment = request_in(
        state, applicant=world.applicant, admin=world.center_admin, officer=world.officer
    )
    actor = world.persona(persona)
    before = footprint(entrustment)
    notes_before = set(Notification.objects.values_list("pk", flat=True))
    outcome = expected(transition, state, persona)

    if outcome is not None:
        with pytest.raises(DomainError) as caught:
            CALLS[transition](actor, entrustment)
        assert type(caught.value) is outcome, caught.value.message
        assert has_chinese(caught.value.message)
        assert footprint(entrustment) == before
        return

    result = CALLS[transition](actor, entrustment)

    target = ENTRUSTMENT_WORKFLOW.transition(transition).target
    assert Entrustment.objects.get(pk=entrustment.pk).status == target == result.status
    step = result.transitions.order_by("-id").first()
    assert (step.from_status, step.to_status, step.actor_id) == (state, target, actor.pk)
    assert AuditEvent.objects.filter(
        action=f"entrustment.{transition}", object_id=str(entrustment.pk)
    ).exists()
    new_notes = Notification.objects.exclude(pk__in=notes_before)
    assert sorted(new_notes.values_list("recipient_id", flat=True)) == sorted(
        _recipients_of_success(world, transition, state)
    )
