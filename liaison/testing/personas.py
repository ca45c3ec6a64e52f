"""Named people for tests: each created through the same services the product uses."""

from __future__ import annotations

import itertools
from typing import Any

from liaison.directory.models import Department, Enterprise, User
from liaison.directory.services.roles import role_grant

_counter = itertools.count(1)
PASSWORD = "Test-Passw0rd!"


def make_user(
    username: str | None = None,
    *,
    roles: tuple[str, ...] = (),
    department: Department | None = None,
    enterprise: Enterprise | None = None,
    full_name: str = "",
    mobile: str = "",
    **extra: Any,
) -> User:
    username = username or f"user{next(_counter)}"
    user = User.objects.create_user(
        username=username,
        password=PASSWORD,
        full_name=full_name or username,
        mobile=mobile,
        department=department,
        enterprise=enterprise,
        email=f"{username}@example.gov.cn",
        **extra,
    )
    if roles:
        role_grant(user=user, roles=list(roles))
    return user


def make_department(code: str | None = None, name: str | None = None) -> Department:
    n = next(_counter)
    return Department.objects.create(code=code or f"D{n:03d}", name=name or f"测试部门{n}")
