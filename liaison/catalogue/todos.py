"""The catalogue's 待办: guide changes waiting to be registered (the centre) or decided (a department)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from liaison.catalogue.models import GuideChangeStatus
from liaison.catalogue.selectors.guide_changes import guide_change_list
from liaison.directory.roles import Role
from liaison.directory.todos import TodoSource, register_todo


def guide_changes_waiting(user: Any) -> Any:
    """Open guide-change proposals the user sees: every one for the centre, its own for a department."""
    return guide_change_list(user=user, status=GuideChangeStatus.PROPOSED)


def register() -> None:
    register_todo(
        TodoSource(
            key="catalogue.guide_changes",
            label=_("待登记的指导员变更"),
            url_name="catalogue:guide_change_list",
            query="?status=proposed",
            roles=frozenset({Role.CENTER_ADMIN, Role.DEPARTMENT_ADMIN}),
            count=guide_changes_waiting,
            order=60,
        )
    )
