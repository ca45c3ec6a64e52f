"""Creating accounts with their roles."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record, snapshot
from liaison.core.errors import DomainError
from liaison.directory.models import Department, Enterprise, User
from liaison.directory.services.passwords import password_record
from liaison.directory.services.roles import role_grant

USER_FIELDS = ("username", "full_name", "department", "enterprise", "post", "email")


def user_create(
    *,
    actor: Any,
    username: str,
    full_name: str,
    roles: list[str],
    password: str | None = None,
    department: Department | None = None,
    enterprise: Enterprise | None = None,
    mobile: str = "",
    office_phone: str = "",
    post: str = "",
    email: str = "",
) -> User:
    """Create an account holding `roles`; without a password the account cannot sign in yet."""
    username = (username or "").strip()
    if not username:
        raise DomainError(_("请填写用户名。"), field="username")
    with transaction.atomic():
        if User.objects.filter(username=username).exists():
            raise DomainError(_("用户名“%(u)s”已被使用。") % {"u": username}, field="username")
        user = User(
            username=username,
            full_name=full_name.strip(),
            department=department,
            enterprise=enterprise,
            mobile=mobile,
            office_phone=office_phone,
            post=post,
            email=email,
        )
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
        if password:
            password_record(user)
        role_grant(user=user, roles=roles)
        audit_record(
            actor=actor,
            action="user.create",
            obj=user,
            after={**snapshot(user, USER_FIELDS), "roles": sorted(roles)},
            summary=_("创建账号 %(u)s") % {"u": username},
        )
    return user
