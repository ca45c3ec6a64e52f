"""Writing a validated import plan: create or update by code, every changed row audited.

Runs inside the caller's transaction; a row whose values already match is left untouched, so
importing an unchanged export writes nothing.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record, snapshot
from liaison.catalogue.exchange.guides import guide_apply
from liaison.catalogue.exchange.plan import DepartmentPlan, ImportPlan, ItemPlan, MaterialPlan
from liaison.catalogue.models import ApprovalItem, ItemPrerequisite, MaterialRequirement
from liaison.directory.models import Department

DEPARTMENT_FIELDS = ("code", "name", "short_name", "address", "phone", "sort_order", "is_active")
ITEM_FIELDS = (
    "code",
    "name",
    "department",
    "stage",
    "time_limit_days",
    "statutory_limit_days",
    "legal_basis",
    "fee_note",
    "location",
    "conditions",
    "procedure",
    "is_active",
)
SOURCE = {"source": "catalogue_import"}


def _upsert(
    *,
    actor: Any,
    instance: Model | None,
    model: type[Model],
    fields: tuple[str, ...],
    values: dict[str, Any],
    label: str,
    counts: Counter[str],
) -> Model:
    """Create `model` from `values`, or update `instance` where a value differs; audit either."""
    if instance is None:
        created = model._default_manager.create(**values)
        audit_record(
            actor=actor,
            action=f"{label}.create",
            obj=created,
            after=snapshot(created, fields),
            summary=_("目录导入：新建 %(obj)s") % {"obj": created},
            extra=SOURCE,
        )
        counts[f"{label}_created"] += 1
        return created
    before = snapshot(instance, fields)
    for name, value in values.items():
        setattr(instance, name, value)
    after = snapshot(instance, fields)
    if before != after:
        instance.save()
        audit_record(
            actor=actor,
            action=f"{label}.update",
            obj=instance,
            before=before,
            after=after,
            summary=_("目录导入：修改 %(obj)s") % {"obj": instance},
            extra=SOURCE,
        )
        counts[f"{label}_updated"] += 1
    return instance


def _department_values(entry: DepartmentPlan) -> dict[str, Any]:
    return {name: getattr(entry, name) for name in DEPARTMENT_FIELDS}


def _item_values(entry: ItemPlan, department: Department) -> dict[str, Any]:
    values = {name: getattr(entry, name) for name in ITEM_FIELDS if name != "department"}
    values["department"] = department
    return values


def _prerequisites_set(
    *, actor: Any, item: ApprovalItem, codes: list[str], items: dict[str, ApprovalItem], counts: Counter[str]
) -> None:
    current = {
        link.prerequisite.code: link for link in item.prerequisite_links.select_related("prerequisite")
    }
    wanted = set(codes)
    if set(current) == wanted:
        return
    for code, link in current.items():
        if code not in wanted:
            link.delete()
    ItemPrerequisite.objects.bulk_create(
        [ItemPrerequisite(item=item, prerequisite=items[code]) for code in sorted(wanted - set(current))]
    )
    audit_record(
        actor=actor,
        action="item.prerequisites_set",
        obj=item,
        before={"prerequisites": sorted(current)},
        after={"prerequisites": sorted(wanted)},
        summary=_("目录导入：设置前置事项"),
        extra=SOURCE,
    )
    counts["prerequisites_changed"] += 1


def _material_key(m: MaterialRequirement) -> tuple[object, ...]:
    return (m.seq, m.name, m.form, m.copies, m.required, m.issuing_body, m.notes)


def _materials_replace(
    *, actor: Any, item: ApprovalItem, entries: list[MaterialPlan], counts: Counter[str]
) -> None:
    existing = list(item.materials.order_by("seq"))
    wanted = sorted(entries, key=lambda m: m.seq)
    if [_material_key(m) for m in existing] == [m.key() for m in wanted]:
        return
    fields = ("seq", "name", "form", "copies", "required", "issuing_body", "notes")
    before = [snapshot(m, fields) for m in existing]
    item.materials.all().delete()
    created = MaterialRequirement.objects.bulk_create(
        [MaterialRequirement(item=item, **{f: getattr(m, f) for f in fields}) for m in wanted]
    )
    audit_record(
        actor=actor,
        action="item.materials_replace",
        obj=item,
        before={"materials": before},
        after={"materials": [snapshot(m, fields) for m in created]},
        summary=_("目录导入：更新申报材料清单（%(n)d 项）") % {"n": len(created)},
        extra=SOURCE,
    )
    counts["materials_replaced"] += 1


def catalogue_import_apply(*, actor: Any, plan: ImportPlan, reason: str = "") -> dict[str, int]:
    """Write `plan` (already validated) and return what changed, by kind; `reason` is recorded on
    each guide change the import registers."""
    reason = reason or _("通过事项目录导入登记")
    counts: Counter[str] = Counter()
    today = timezone.localdate()
    with transaction.atomic():
        departments = {d.code: d for d in Department.objects.select_for_update()}
        for d_entry in plan.departments:
            departments[d_entry.code] = _upsert(  # type: ignore[assignment]
                actor=actor,
                instance=departments.get(d_entry.code),
                model=Department,
                fields=DEPARTMENT_FIELDS,
                values=_department_values(d_entry),
                label="department",
                counts=counts,
            )
        codes = {i.code for i in plan.items} | {m.item_code for m in plan.materials}
        codes |= {g.item_code for g in plan.guides} | {p for i in plan.items for p in i.prerequisites}
        items = {i.code: i for i in ApprovalItem.objects.select_for_update().filter(code__in=codes)}
        for i_entry in plan.items:
            items[i_entry.code] = _upsert(  # type: ignore[assignment]
                actor=actor,
                instance=items.get(i_entry.code),
                model=ApprovalItem,
                fields=ITEM_FIELDS,
                values=_item_values(i_entry, departments[i_entry.department_code]),
                label="item",
                counts=counts,
            )
        for i_entry in plan.items:
            _prerequisites_set(
                actor=actor, item=items[i_entry.code], codes=i_entry.prerequisites, items=items, counts=counts
            )
        materials: dict[str, list[MaterialPlan]] = defaultdict(list)
        for m_entry in plan.materials:
            materials[m_entry.item_code].append(m_entry)
        for code in plan.item_codes_with_materials():
            _materials_replace(actor=actor, item=items[code], entries=materials[code], counts=counts)
        for g_entry in plan.guides:
            guide_apply(
                actor=actor,
                item=items[g_entry.item_code],
                entry=g_entry,
                today=today,
                reason=reason,
                counts=counts,
            )
    return dict(counts)
