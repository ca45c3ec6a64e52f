"""State machines declared once, as data: each transition names its sources, target and allowed roles.

Services ask the workflow whether a transition may happen; they perform side effects themselves.
`manage.py workflow_docs` renders every registered workflow as a Mermaid diagram into docs/workflows.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _

from liaison.core.errors import DomainError, PermissionDenied

REGISTRY: dict[str, Workflow] = {}


# The pseudo-role of steps the platform takes by itself (e.g. when a project's service ends, the matters
# still open on it end with it). No user holds it, so no page offers these steps to anyone.
SYSTEM_ROLE = "system"


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset[str]
    target: str
    roles: frozenset[str]
    label: str | Promise = ""
    help: str | Promise = ""  # what the step does, for the button's tooltip and the form it opens
    # A condition on the object beyond its state (e.g. "only while a receipt is pending"), and what a
    # refusal says when it does not hold. Checked when the caller passes the object as `subject`.
    when: Callable[[Any], bool] | None = field(default=None, compare=False)
    unmet: str | Promise = ""

    def holds_for(self, subject: Any) -> bool:
        return self.when is None or subject is None or self.when(subject)


@dataclass(frozen=True)
class Workflow:
    name: str
    states: dict[str, Any]  # state value -> label
    transitions: tuple[Transition, ...]
    initial: str = ""
    _by_name: dict[str, Transition] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for t in self.transitions:
            unknown = {*t.sources, t.target} - set(self.states)
            if unknown:
                raise ValueError(f"{self.name}.{t.name}: unknown states {sorted(unknown)}")
            self._by_name[t.name] = t
        REGISTRY[self.name] = self

    def transition(self, name: str) -> Transition:
        return self._by_name[name]

    def available(self, state: str, roles: Iterable[str], *, subject: Any = None) -> list[Transition]:
        """Transitions the holder of `roles` may take from `state` (and, given `subject`, whose condition
        holds for it)."""
        held = set(roles)
        return [t for t in self.transitions if state in t.sources and held & t.roles and t.holds_for(subject)]

    def check(self, name: str, *, state: str, roles: Iterable[str], subject: Any = None) -> Transition:
        """The transition, or a DomainError saying why it may not happen now."""
        t = self._by_name[name]
        if not set(roles) & t.roles:
            raise PermissionDenied(_("您的角色不能执行“%(action)s”。") % {"action": t.label or t.name})
        if state not in t.sources:
            raise DomainError(
                _("当前状态为“%(state)s”，不能执行“%(action)s”。")
                % {"state": self.states.get(state, state), "action": t.label or t.name}
            )
        if not t.holds_for(subject):
            raise DomainError(t.unmet or _("现在不能执行“%(action)s”。") % {"action": t.label or t.name})
        return t

    def record_step(
        self, name: str, subject: Any, *, roles: Iterable[str], step_model: Any, link: str, **fields: Any
    ) -> Transition:
        """Check `name` for `subject` (which has a `state`), record one `step_model` row (`link` = the
        subject, the name, from and to state, the acting role, and `fields` such as actor and comment) and
        move the subject to the target state, unsaved: the caller saves it with its own side effects."""
        t = self.check(name, state=subject.state, roles=roles, subject=subject)
        step_model.objects.create(
            **{link: subject},
            name=name,
            from_state=subject.state,
            to_state=t.target,
            acting_role=sorted(set(roles) & t.roles)[0],
            **fields,
        )
        subject.state = t.target
        return t

    def mermaid(self) -> str:
        lines = ["stateDiagram-v2"]
        if self.initial:
            lines.append(f"    [*] --> {self.initial}")
        for t in self.transitions:
            roles = ", ".join(sorted(t.roles))
            lines.extend(f"    {src} --> {t.target}: {t.name} ({roles})" for src in sorted(t.sources))
        return "\n".join(lines)
