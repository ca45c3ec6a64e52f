"""Tracking's 待办: project items waiting on an officer or a guide, and the enterprise's open to-dos."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from liaison.directory.roles import Role
from liaison.directory.todos import TodoSource, register_todo
from liaison.tracking.models import EnterpriseObligation
from liaison.tracking.selectors.items import project_items_waiting


def obligations_open(user: Any) -> Any:
    """The enterprise's to-dos not yet done (Art. 9), on any of its projects."""
    if not user.enterprise_id:
        return None
    return EnterpriseObligation.objects.filter(project__enterprise_id=user.enterprise_id, done=False)


def register() -> None:
    register_todo(
        TodoSource(
            key="tracking.items",
            label=_("待办理的审批事项"),
            url_name="tracking:todo",
            roles=frozenset({Role.OFFICER, Role.GUIDE}),
            count=project_items_waiting,
            order=5,
        )
    )
    register_todo(
        TodoSource(
            key="tracking.obligations",
            label=_("我单位的待办事项"),
            url_name="web:dashboard",
            query="#obligations",
            roles=frozenset({Role.APPLICANT}),
            count=obligations_open,
            order=5,
        )
    )
