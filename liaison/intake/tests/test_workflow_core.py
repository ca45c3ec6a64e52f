"""State machines as data: transitions checked by role and state, refusals explained in Chinese."""

from __future__ import annotations

import pytest

from liaison.core.errors import DomainError, PermissionDenied
from liaison.core.workflow import REGISTRY, Transition, Workflow

STATES = {"draft": "草稿", "sent": "已发送", "done": "已办结"}


@pytest.fixture(autouse=True)
def _registry_restored():
    """Workflows made here register themselves; the product's registry is left as it was."""
    saved = dict(REGISTRY)
    yield
    REGISTRY.clear()
    REGISTRY.update(saved)


def make(name: str = "test_flow") -> Workflow:
    return Workflow(
        name=name,
        states=STATES,
        initial="draft",
        transitions=(
            Transition("send", frozenset({"draft"}), "sent", frozenset({"clerk"}), "发送"),
            Transition("close", frozenset({"sent"}), "done", frozenset({"chief", "clerk"}), "办结"),
        ),
    )


def test_an_allowed_transition_is_returned():
    flow = make()
    assert flow.check("send", state="draft", roles={"clerk"}).target == "sent"


def test_a_role_without_the_transition_is_refused_with_permission_denied():
    with pytest.raises(PermissionDenied, match="您的角色不能执行“发送”"):
        make().check("send", state="draft", roles={"chief"})


def test_the_wrong_state_is_refused_naming_the_current_state():
    with pytest.raises(DomainError, match="当前状态为“已办结”，不能执行“办结”") as caught:
        make().check("close", state="done", roles={"chief"})
    assert not isinstance(caught.value, PermissionDenied)


def test_available_lists_only_what_the_roles_may_do_from_the_state():
    flow = make()
    assert [t.name for t in flow.available("sent", {"chief"})] == ["close"]
    assert flow.available("draft", {"chief"}) == []
    assert flow.available("done", {"clerk", "chief"}) == []


def test_a_transition_to_an_unknown_state_is_a_definition_error():
    with pytest.raises(ValueError, match="unknown states"):
        Workflow(
            name="broken_flow",
            states=STATES,
            transitions=(Transition("vanish", frozenset({"draft"}), "nowhere", frozenset({"clerk"})),),
        )


def test_workflows_register_themselves_and_render_as_mermaid():
    flow = make("registered_flow")
    assert REGISTRY["registered_flow"] is flow
    diagram = flow.mermaid()
    assert diagram.startswith("stateDiagram-v2\n    [*] --> draft")
    assert "    sent --> done: close (chief, clerk)" in diagram


def test_the_entrustment_workflow_is_registered_with_every_state_reachable():
    from liaison.intake.workflows import ENTRUSTMENT_WORKFLOW

    assert REGISTRY["entrustment"] is ENTRUSTMENT_WORKFLOW
    reachable = {ENTRUSTMENT_WORKFLOW.initial} | {t.target for t in ENTRUSTMENT_WORKFLOW.transitions}
    assert reachable == set(ENTRUSTMENT_WORKFLOW.states)
