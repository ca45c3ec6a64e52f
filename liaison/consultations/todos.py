"""Consultations' 待办: what waits on a guide's reply (their 待回复 inbox)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from liaison.consultations.selectors.consultations import guide_inbox_waiting
from liaison.directory.roles import Role
from liaison.directory.todos import TodoSource, register_todo


def register() -> None:
    register_todo(
        TodoSource(
            key="consultations.inbox",
            label=_("待回复的咨询"),
            url_name="consultations:inbox",
            roles=frozenset({Role.GUIDE}),
            count=guide_inbox_waiting,
            order=20,
        )
    )
