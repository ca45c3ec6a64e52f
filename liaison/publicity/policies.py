"""Who may do what in publicity. Anyone reads published articles and FAQs and sends an enquiry; the
centre's admins draft articles and handle enquiries; publishing and withdrawing an article needs the
editor permission (`publicity.publish_article`, group 宣传编辑, which centre admins get by default).
The centre's leaders and the supervisors read the enquiries; nobody else on the staff sees them."""

from __future__ import annotations

from typing import Any

from liaison.directory.roles import Role
from liaison.publicity.editors import PUBLISH_PERMISSION
from liaison.publicity.workflows import EDITOR

ENQUIRY_READERS = frozenset({Role.CENTER_ADMIN, Role.CENTER_LEADER, Role.SUPERVISOR})


def _active(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def can_edit_articles(user: Any) -> bool:
    """Draft, change and preview articles, upload their images."""
    return _active(user) and user.has_role(Role.CENTER_ADMIN)


def can_publish_article(user: Any) -> bool:
    return can_edit_articles(user) and user.has_perm(PUBLISH_PERMISSION)


def article_roles(user: Any) -> frozenset[str]:
    """The roles ARTICLE_WORKFLOW checks: the centre admin's, plus EDITOR for the permission's holder."""
    if not can_edit_articles(user):
        return frozenset()
    roles = {Role.CENTER_ADMIN.value}
    if user.has_perm(PUBLISH_PERMISSION):
        roles.add(EDITOR)
    return frozenset(roles)


def can_read_enquiries(user: Any) -> bool:
    return _active(user) and user.has_role(*ENQUIRY_READERS)


def can_handle_enquiries(user: Any) -> bool:
    """Answer or close an enquiry, publish and withdraw FAQs, set the answer period."""
    return _active(user) and user.has_role(Role.CENTER_ADMIN)


def enquiry_roles(user: Any) -> frozenset[str]:
    return frozenset({Role.CENTER_ADMIN.value}) if can_handle_enquiries(user) else frozenset()
