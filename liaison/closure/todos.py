"""Closure's 待办 (liaison.directory.todos): the enterprise's handovers to confirm, the centre's completions
and terminations to confirm, the officer's services ready for completion. Each returns the rows waiting (counted with the other to-dos in one statement)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from liaison.closure.models import WAITING_ON_CENTRE, Service, waiting_on_enterprise_q
from liaison.closure.selectors.lists import READY_FILTER, RECEIPT_FILTER, WAITING_FILTER, ready_projects
from liaison.directory.roles import Role
from liaison.directory.todos import TodoSource, register_todo


def receipts_waiting(user: Any) -> Any:
    """Handover lists waiting for this enterprise's confirmation of receipt (at completion or after a
    termination)."""
    if not user.enterprise_id:
        return None
    return Service.objects.filter(waiting_on_enterprise_q(), project__enterprise_id=user.enterprise_id)


def confirmations_waiting(user: Any) -> Any:
    """Completions and terminations waiting for the centre's confirmation."""
    return Service.objects.filter(state__in=sorted(WAITING_ON_CENTRE))


def completions_ready(user: Any) -> Any:
    return ready_projects(user)


SOURCES = (
    # key, label, roles, count, list filter
    (
        "closure.receipt",
        _("待确认资料移交"),
        Role.APPLICANT,
        receipts_waiting,
        RECEIPT_FILTER,
    ),
    (
        "closure.confirmation",
        _("待中心确认办结或终止"),
        Role.CENTER_ADMIN,
        confirmations_waiting,
        WAITING_FILTER,
    ),
    ("closure.ready", _("可以提交办结"), Role.OFFICER, completions_ready, READY_FILTER),
)


def register_closure_todos() -> None:
    for order, (key, label, role, count, state) in enumerate(SOURCES, start=60):
        register_todo(
            TodoSource(
                key=key,
                label=label,
                url_name="closure:list",
                roles=frozenset({role}),
                count=count,
                query=f"?state={state}",
                order=order,
            )
        )
