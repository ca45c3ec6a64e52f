"""Who sees personal data unmasked: decided here once, used by views, API and exports."""

from __future__ import annotations

from typing import Any

from liaison.core.masking import phone_as
from liaison.directory.roles import UNMASKED_CONTACT_ROLES


def sees_full_contacts(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.has_role(*UNMASKED_CONTACT_ROLES))


def phone_for(viewer: Any, phone: str | None, *, owner: Any = None) -> str:
    """The phone as `viewer` may see it: in full for the centre, supervisors and the owner."""
    if not phone:
        return ""
    if owner is not None and getattr(owner, "pk", None) == viewer.pk:
        return phone
    return phone_as(phone, full=sees_full_contacts(viewer))
