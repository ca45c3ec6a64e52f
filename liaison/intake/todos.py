"""Intake's 待办: requests waiting for the centre's review, and requests returned to the enterprise."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from liaison.directory.roles import Role
from liaison.directory.todos import TodoSource, register_todo
from liaison.intake.models import EntrustmentStatus
from liaison.intake.selectors.entrustments import entrustment_list


def _count(status: str) -> Any:
    def count(user: Any) -> Any:
        return entrustment_list(user=user, status=status)

    return count


def register() -> None:
    register_todo(
        TodoSource(
            key="intake.review",
            label=_("待受理的委托申请"),
            url_name="intake:review_queue",
            query=f"?status={EntrustmentStatus.SUBMITTED}",
            roles=frozenset({Role.CENTER_ADMIN}),
            count=_count(EntrustmentStatus.SUBMITTED),
            order=10,
        )
    )
    register_todo(
        TodoSource(
            key="intake.returned",
            label=_("退回补充的委托申请"),
            url_name="intake:request_list",
            query=f"?status={EntrustmentStatus.RETURNED}",
            roles=frozenset({Role.APPLICANT}),
            count=_count(EntrustmentStatus.RETURNED),
            order=10,
        )
    )
