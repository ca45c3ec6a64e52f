from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from liaison.audit.middleware import ACTIVE_ROLE_SESSION_KEY
from liaison.directory.models import Department
from liaison.directory.roles import Role
from liaison.notifications.selectors.notifications import notification_unread_count
from liaison.web.navigation import navigation_for
from liaison.web.selectors import nav_badges


def layout(request: HttpRequest) -> dict[str, Any]:
    """Sidebar, role switcher and the unread count for every page."""
    ctx: dict[str, Any] = {"centre_name": settings.CENTRE_NAME, "region_name": settings.REGION_NAME}
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ctx
    roles = user.role_set
    active = request.session.get(ACTIVE_ROLE_SESSION_KEY) or (sorted(roles)[0] if roles else "")
    ctx.update(
        {
            "nav_entries": navigation_for(frozenset(roles), request.path, nav_badges(user=user)),
            "user_roles": [(r, Role(r).label) for r in Role.values if r in roles],
            "active_role": active,
            "active_role_label": Role(active).label if active in Role.values else "",
            "unread_notifications": notification_unread_count(user=user),
            "has_sample_data": Department.objects.filter(is_sample=True).exists(),
        }
    )
    return ctx
