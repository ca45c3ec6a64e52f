"""Reading departments, with how many items each runs."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from liaison.catalogue.policies import can_view_catalogue
from liaison.catalogue.selectors._ids import parse_pk
from liaison.core.errors import NotFound
from liaison.directory.models import Department


def department_list(*, active: bool | None = None, q: str = "") -> QuerySet[Department]:
    """Departments in their display order, annotated with active and total item counts."""
    qs = Department.objects.annotate(
        item_count=Count("items", filter=Q(items__is_active=True), distinct=True),
        item_total=Count("items", distinct=True),
    )
    if active is not None:
        qs = qs.filter(is_active=active)
    q = (q or "").strip()
    if q:
        qs = qs.filter(Q(code__icontains=q) | Q(name__icontains=q) | Q(short_name__icontains=q))
    return qs.order_by("sort_order", "code")


def department_get(*, department_id: Any) -> Department | None:
    """One department with its item counts, or None."""
    pk = parse_pk(department_id)
    if pk is None:
        return None
    return department_list().filter(pk=pk).first()


def access_department(user: Any, department_id: Any) -> Department:
    """The department if `user` may read it (every signed-in role may); NotFound otherwise."""
    department = department_get(department_id=department_id) if can_view_catalogue(user) else None
    if department is None:
        raise NotFound(_("部门不存在。"))
    return department
