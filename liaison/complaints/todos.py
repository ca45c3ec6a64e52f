"""What waits on whom in complaints, for the 待办 card and the sidebar (liaison.directory.todos). Each
entry opens a list showing exactly the counted rows."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from liaison.complaints.models import (
    BusinessState,
    Complaint,
    Cooperation,
    CooperationKind,
    IntegrityState,
    Track,
)
from liaison.complaints.policies import integrity_filter
from liaison.directory.roles import Role
from liaison.directory.todos import TodoSource, register_todo


def _business(state: str) -> Any:
    def count(user: Any) -> Any:
        return Complaint.objects.filter(track=Track.BUSINESS, state=state).exclude(guide_id=user.pk)

    return count


def _integrity(state: str) -> Any:
    def count(user: Any) -> Any:
        rule = integrity_filter(user)
        return Complaint.objects.filter(rule, state=state) if rule is not None else None

    return count


def cooperation_requests_waiting(user: Any) -> Any:
    if not user.department_id:
        return None
    return Cooperation.objects.filter(
        kind=CooperationKind.DEPARTMENT,
        department_id=user.department_id,
        answered_at__isnull=True,
        complaint__track=Track.BUSINESS,
        complaint__state=BusinessState.INVESTIGATING,
    )


def tasks_waiting(user: Any) -> Any:
    return Cooperation.objects.filter(kind=CooperationKind.CENTRE_TASK, answered_at__isnull=True)


def replies_to_rate(user: Any) -> Any:
    return Complaint.objects.filter(
        track=Track.BUSINESS, state=BusinessState.REPLIED, complainant_user_id=user.pk
    )


CENTRE = frozenset({Role.CENTER_ADMIN})
SOURCES = (
    TodoSource(
        "complaints.register",
        _("投诉待登记"),
        "complaints:list",
        CENTRE,
        _business(BusinessState.RECEIVED),
        "?state=received",
        50,
    ),
    TodoSource(
        "complaints.reply",
        _("投诉待答复"),
        "complaints:list",
        CENTRE,
        _business(BusinessState.INVESTIGATING),
        "?state=investigating",
        51,
    ),
    TodoSource(
        "complaints.tasks", _("纪检协查任务"), "complaints:tasks", CENTRE, tasks_waiting, "?open=1", 52
    ),
    TodoSource(
        "complaints.cooperation",
        _("投诉协助调查"),
        "complaints:list",
        frozenset({Role.DEPARTMENT_ADMIN}),
        cooperation_requests_waiting,
        "?cooperation=open",
        53,
    ),
    TodoSource(
        "complaints.integrity_register",
        _("廉政投诉待登记"),
        "complaints:integrity",
        frozenset({Role.SUPERVISOR}),
        _integrity(IntegrityState.RECEIVED),
        f"?state={IntegrityState.RECEIVED}",
        54,
    ),
    TodoSource(
        "complaints.integrity_conclude",
        _("廉政投诉待办结"),
        "complaints:integrity",
        frozenset({Role.SUPERVISOR}),
        _integrity(IntegrityState.VERIFYING),
        f"?state={IntegrityState.VERIFYING}",
        55,
    ),
    TodoSource(
        "complaints.reviews",
        _("投诉复核申请"),
        "complaints:list",
        frozenset({Role.CENTER_LEADER}),
        _business(BusinessState.REVIEWING),
        "?state=reviewing",
        56,
    ),
    TodoSource(
        "complaints.rate",
        _("投诉答复待评价"),
        "complaints:list",
        frozenset({Role.APPLICANT}),
        replies_to_rate,
        "?state=replied",
        57,
    ),
)
for source in SOURCES:
    register_todo(source)
