"""Officers for the registry tests, registered through the real service."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from liaison.audit.models import AuditEvent
from liaison.directory.models import User
from liaison.notifications.models import Notification
from liaison.officers.models import Officer, OfficerNumberSeries, OfficerRecordEntry
from liaison.officers.services.officer import officer_register

_mobiles = itertools.count(1)


def register(actor: Any, username: str, **overrides: Any) -> Officer:
    data: dict[str, Any] = {
        "full_name": f"联络官{username}",
        "mobile": f"139{next(_mobiles):08d}",
        "unit": "区投资促进局",
    }
    data.update(overrides)
    return officer_register(actor=actor, username=username, **data)


def table_counts() -> dict[str, int]:
    """Row counts of every table a registry write may touch, to prove nothing was saved."""
    return {
        "officers": Officer.objects.count(),
        "records": OfficerRecordEntry.objects.count(),
        "users": User.objects.count(),
        "audit": AuditEvent.objects.changes().count(),
        "notifications": Notification.objects.count(),
        "series": OfficerNumberSeries.objects.count(),
    }


@pytest.fixture
def officer(center_admin, officer_user) -> Officer:
    """The `officer_user` persona, registered as an officer (attached to the existing account)."""
    return register(center_admin, officer_user.username, full_name="联络官甲", mobile="13800001111")


@pytest.fixture
def other_officer(center_admin) -> Officer:
    return register(center_admin, "t_officer_b", full_name="联络官乙", mobile="13700002222", unit="区住建局")
