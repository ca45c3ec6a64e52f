"""Creating and editing approval departments (the centre's list of who approves what)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record, snapshot
from liaison.catalogue.policies import can_manage_department
from liaison.core.errors import DomainError, PermissionDenied
from liaison.directory.models import Department, User

DEPARTMENT_FIELDS = ("code", "name", "short_name", "address", "phone", "sort_order", "is_active")
TEXT_LIMITS = {"code": 32, "name": 100, "short_name": 40, "address": 200, "phone": 40}


def _clean_value(name: str, value: Any) -> Any:
    if name in TEXT_LIMITS:
        text = str(value or "").strip()
        if len(text) > TEXT_LIMITS[name]:
            raise DomainError(_("内容过长，最多 %(n)s 个字符。") % {"n": TEXT_LIMITS[name]}, field=name)
        return text
    if name == "sort_order":
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise DomainError(_("排序应为整数。"), field=name) from None
        if number < 0:
            raise DomainError(_("排序不能为负数。"), field=name)
        return number
    return bool(value)


def _check_unique(name: str, value: str, *, instance: Department | None, required: str, taken: str) -> None:
    if not value:
        raise DomainError(required, field=name)
    lookup = "code__iexact" if name == "code" else name
    others = Department.objects.filter(**{lookup: value})
    if instance is not None:
        others = others.exclude(pk=instance.pk)
    if others.exists():
        raise DomainError(taken % {"v": value}, field=name)


def _clean(fields: dict[str, Any], *, instance: Department | None) -> dict[str, Any]:
    """Normalise and validate department fields; raise DomainError on the first problem."""
    unknown = set(fields) - set(DEPARTMENT_FIELDS)
    if unknown:
        raise DomainError(_("不支持修改的字段：%(f)s") % {"f": "、".join(sorted(unknown))})
    out = {name: _clean_value(name, value) for name, value in fields.items()}
    if "code" in out:
        _check_unique(
            "code",
            out["code"],
            instance=instance,
            required=_("请填写部门编码。"),
            taken=_("部门编码“%(v)s”已被使用。"),
        )
    if "name" in out:
        _check_unique(
            "name",
            out["name"],
            instance=instance,
            required=_("请填写部门名称。"),
            taken=_("部门名称“%(v)s”已存在。"),
        )
    return out


def department_create(
    *,
    actor: User,
    code: str,
    name: str,
    short_name: str = "",
    address: str = "",
    phone: str = "",
    sort_order: int = 100,
) -> Department:
    """Add an approval department (centre only)."""
    if not can_manage_department(actor, None):
        raise PermissionDenied(_("只有政务服务中心工作人员可以新增职能部门。"))
    with transaction.atomic():
        data = _clean(
            {
                "code": code,
                "name": name,
                "short_name": short_name,
                "address": address,
                "phone": phone,
                "sort_order": sort_order,
            },
            instance=None,
        )
        department = Department.objects.create(**data)
        audit_record(
            actor=actor,
            action="department.create",
            obj=department,
            after=snapshot(department, DEPARTMENT_FIELDS),
            summary=_("新增职能部门：%(n)s") % {"n": department.name},
        )
    return department


def department_update(*, actor: User, department: Department, **fields: Any) -> Department:
    """Edit a department's fields, including disabling it (centre only)."""
    if not can_manage_department(actor, department):
        raise PermissionDenied(_("只有政务服务中心工作人员可以修改职能部门。"))
    with transaction.atomic():
        locked = Department.objects.select_for_update(no_key=True).get(pk=department.pk)
        data = _clean(fields, instance=locked)
        if (
            data.get("is_active") is False
            and locked.is_active
            and locked.items.filter(is_active=True).exists()
        ):
            raise DomainError(_("该部门仍有启用的事项，请先停用其事项再停用部门。"), field="is_active")
        before = snapshot(locked, DEPARTMENT_FIELDS)
        for name, value in data.items():
            setattr(locked, name, value)
        locked.save()
        after = snapshot(locked, DEPARTMENT_FIELDS)
        if before != after:
            audit_record(
                actor=actor,
                action="department.update",
                obj=locked,
                before=before,
                after=after,
                summary=_("修改职能部门：%(n)s") % {"n": locked.name},
            )
    return locked
