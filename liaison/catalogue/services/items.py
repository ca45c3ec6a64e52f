"""Creating, editing and retiring approval items with their materials checklist and prerequisites."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record, snapshot
from liaison.catalogue.models import ApprovalItem, GuideChangeStatus, ItemPrerequisite, MaterialRequirement
from liaison.catalogue.policies import can_create_item, can_manage_item
from liaison.catalogue.services.item_rules import (
    ITEM_FIELDS,
    clean_item_fields,
    clean_materials,
    clean_prerequisites,
    lock_prerequisite_graph,
)
from liaison.core.errors import Conflict, DomainError, PermissionDenied
from liaison.directory.models import Department, User

AUDIT_FIELDS = (*ITEM_FIELDS, "is_active")
MATERIAL_AUDIT_KEYS = ("name", "form", "copies", "required", "issuing_body", "notes")


def _state(item: ApprovalItem) -> dict[str, Any]:
    """What the audit trail keeps of an item: its fields, checklist and prerequisite ids."""
    data = snapshot(item, AUDIT_FIELDS)
    data["materials"] = [
        {key: getattr(m, key) for key in MATERIAL_AUDIT_KEYS} for m in item.materials.order_by("seq")
    ]
    data["prerequisite_ids"] = sorted(item.prerequisite_links.values_list("prerequisite_id", flat=True))
    return data


def _write_materials(item: ApprovalItem, lines: list[dict[str, Any]]) -> None:
    item.materials.all().delete()
    MaterialRequirement.objects.bulk_create([MaterialRequirement(item=item, **line) for line in lines])


def _write_prerequisites(item: ApprovalItem, prerequisites: list[ApprovalItem]) -> None:
    wanted = {p.pk for p in prerequisites}
    item.prerequisite_links.exclude(prerequisite_id__in=wanted).delete()
    existing = set(item.prerequisite_links.values_list("prerequisite_id", flat=True))
    ItemPrerequisite.objects.bulk_create(
        [ItemPrerequisite(item=item, prerequisite=p) for p in prerequisites if p.pk not in existing]
    )


def item_create(
    *,
    actor: User,
    code: str,
    name: str,
    department: Department,
    stage: str,
    time_limit_days: int,
    legal_basis: str = "",
    fee_note: str = "不收费",
    location: str = "",
    conditions: str = "",
    procedure: str = "",
    statutory_limit_days: int | None = None,
    materials: Sequence[Mapping[str, Any]] = (),
    prerequisite_ids: Sequence[int] = (),
) -> ApprovalItem:
    """Catalogue a new item of `department` with its checklist and prerequisites."""
    if not can_create_item(actor, department):
        raise PermissionDenied(_("您只能为本部门新增事项。"), field="department")
    with transaction.atomic():
        data = clean_item_fields(
            {
                "code": code,
                "name": name,
                "department": department,
                "stage": stage,
                "time_limit_days": time_limit_days,
                "statutory_limit_days": statutory_limit_days,
                "legal_basis": legal_basis,
                "fee_note": fee_note,
                "location": location,
                "conditions": conditions,
                "procedure": procedure,
            },
            instance=None,
        )
        lines = clean_materials(materials)
        lock_prerequisite_graph()
        prerequisites = clean_prerequisites(item=None, prerequisite_ids=prerequisite_ids)
        try:
            with transaction.atomic():
                item = ApprovalItem.objects.create(**data)
        except IntegrityError:
            raise Conflict(
                _("事项编码“%(c)s”刚被他人使用，请更换编码。") % {"c": data["code"]}, field="code"
            ) from None
        _write_materials(item, lines)
        _write_prerequisites(item, prerequisites)
        audit_record(
            actor=actor,
            action="item.create",
            obj=item,
            after=_state(item),
            summary=_("新增事项：%(i)s") % {"i": item},
        )
    return item


def item_update(
    *,
    actor: User,
    item: ApprovalItem,
    materials: Sequence[Mapping[str, Any]] | None = None,
    prerequisite_ids: Sequence[int] | None = None,
    **fields: Any,
) -> ApprovalItem:
    """Edit an item; `materials` / `prerequisite_ids`, when given, replace the current ones."""
    if not can_manage_item(actor, item):
        raise PermissionDenied(_("您只能修改本部门的事项。"))
    new_department = fields.get("department")
    if new_department is not None and not can_create_item(actor, new_department):
        raise PermissionDenied(_("您不能把事项转到其他部门。"), field="department")
    with transaction.atomic():
        if prerequisite_ids is not None:
            lock_prerequisite_graph()  # before the row lock: always the same order, no deadlock
        locked = ApprovalItem.objects.select_for_update(no_key=True).get(pk=item.pk)
        data = clean_item_fields(fields, instance=locked)
        lines = None if materials is None else clean_materials(materials)
        prerequisites = None
        if prerequisite_ids is not None:
            prerequisites = clean_prerequisites(item=locked, prerequisite_ids=prerequisite_ids)
        before = _state(locked)
        for name, value in data.items():
            setattr(locked, name, value)
        locked.save()
        if lines is not None:
            _write_materials(locked, lines)
        if prerequisites is not None:
            _write_prerequisites(locked, prerequisites)
        after = _state(locked)
        if before != after:
            audit_record(
                actor=actor,
                action="item.update",
                obj=locked,
                before=before,
                after=after,
                summary=_("修改事项：%(i)s") % {"i": locked},
            )
    return locked


def _set_active(*, actor: User, item: ApprovalItem, active: bool) -> ApprovalItem:
    if not can_manage_item(actor, item):
        raise PermissionDenied(_("您只能管理本部门的事项。"))
    with transaction.atomic():
        locked = (
            ApprovalItem.objects.select_for_update(no_key=True, of=("self",))
            .select_related("department")
            .get(pk=item.pk)
        )
        if locked.is_active == active:
            return locked
        if not active and locked.guide_changes.filter(status=GuideChangeStatus.PROPOSED).exists():
            raise DomainError(_("该事项有待登记的指导员变更，请先登记、退回或撤回后再停用。"))
        if active and not locked.department.is_active:
            raise DomainError(_("所属部门已停用，不能启用该事项。"))
        before = snapshot(locked, ["is_active"])
        locked.is_active = active
        locked.save(update_fields=["is_active", "updated_at"])
        audit_record(
            actor=actor,
            action="item.activate" if active else "item.deactivate",
            obj=locked,
            before=before,
            after=snapshot(locked, ["is_active"]),
            summary=(_("启用事项：%(i)s") if active else _("停用事项：%(i)s")) % {"i": locked},
        )
    return locked


def item_deactivate(*, actor: User, item: ApprovalItem) -> ApprovalItem:
    """Take an item out of service; its history, guide and links are kept."""
    return _set_active(actor=actor, item=item, active=False)


def item_activate(*, actor: User, item: ApprovalItem) -> ApprovalItem:
    """Put a retired item back into service."""
    return _set_active(actor=actor, item=item, active=True)
