"""Coordination's 待办: difficulties waiting on the reader's step, and meeting actions they must complete."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from liaison.coordination.policies import ACTION_OWNER_ROLES
from liaison.coordination.selectors.actions import action_list
from liaison.coordination.selectors.difficulties import WAITING, difficulties_waiting
from liaison.directory.roles import Role
from liaison.directory.todos import TodoSource, register_todo


def actions_waiting(user: Any) -> Any:
    """Open meeting actions this user is responsible for."""
    return action_list(user, "todo")


def register() -> None:
    register_todo(
        TodoSource(
            key="coordination.difficulties",
            label=_("待处理的难点问题"),
            url_name="coordination:list",
            query=f"?state={WAITING}",
            roles=frozenset({Role.CENTER_ADMIN, Role.CENTER_LEADER, Role.PROJECT_OFFICE, Role.OFFICER}),
            count=difficulties_waiting,
            order=30,
        )
    )
    register_todo(
        TodoSource(
            key="coordination.actions",
            label=_("待完成的督办事项"),
            url_name="coordination:actions",
            query="?show=todo",
            roles=frozenset(ACTION_OWNER_ROLES),
            count=actions_waiting,
            order=40,
        )
    )
