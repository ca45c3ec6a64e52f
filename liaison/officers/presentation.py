"""How an officer's contact data is shown to a given viewer (pages, API and exports alike)."""

from __future__ import annotations

from typing import Any

from liaison.directory.masking import phone_for
from liaison.officers.models import Officer


def officer_phone(viewer: Any, officer: Officer) -> str:
    """The officer's mobile in full for the centre, supervisors and the officer; masked otherwise."""
    return phone_for(viewer, officer.user.mobile, owner=officer.user)
