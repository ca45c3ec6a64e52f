"""Reading guides: who may be chosen for an item, and their contacts as a viewer may see them."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from liaison.catalogue.policies import can_view_guide_contacts
from liaison.core.masking import phone_as
from liaison.directory.models import User
from liaison.directory.roles import Role


def guide_candidates(*, department_id: int) -> QuerySet[User]:
    """Active users holding the guide role in the department, by name."""
    return (
        User.objects.filter(is_active=True, department_id=department_id, memberships__role=Role.GUIDE)
        .distinct()
        .order_by("full_name", "username")
    )


def guide_contacts(viewer: Any, guide: User | None) -> dict[str, Any] | None:
    """The guide's name, post and phones; phones masked unless `viewer` needs them in full."""
    if guide is None:
        return None
    full = can_view_guide_contacts(viewer, None)
    return {
        "id": guide.pk,
        "name": guide.display_name,
        "post": guide.post,
        "mobile": phone_as(guide.mobile, full=full),
        "office_phone": phone_as(guide.office_phone, full=full),
        "masked": not full,
    }
