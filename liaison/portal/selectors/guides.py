"""The public part of the catalogue (办事指南): per stage, each active item's legal basis, conditions,
materials, promised limit, fees, its department and the department's office phone. Nothing about a person
is read: no guide, no mobile."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from liaison.catalogue.models import ApprovalItem, MaterialRequirement
from liaison.catalogue.stages import Stage
from liaison.core.bounds import id_or_none
from liaison.core.errors import NotFound

PUBLIC_ITEM_FIELDS = (
    "id",
    "code",
    "name",
    "stage",
    "legal_basis",
    "time_limit_days",
    "statutory_limit_days",
    "fee_note",
    "location",
    "conditions",
    "procedure",
    "department__name",
    "department__address",
    "department__phone",
)


def _public_items() -> QuerySet[ApprovalItem]:
    return (
        ApprovalItem.objects.filter(is_active=True, department__is_active=True)
        .select_related("department")
        .only(*PUBLIC_ITEM_FIELDS)
        .order_by("department__sort_order", "code")
    )


def guide_stages() -> list[dict[str, Any]]:
    """The stages in order, each with its active items (code, name, department, promised limit)."""
    by_stage: dict[str, list[ApprovalItem]] = {s.value: [] for s in Stage}
    for item in _public_items():
        by_stage.setdefault(item.stage, []).append(item)
    return [{"key": s.value, "label": str(s.label), "items": by_stage[s.value]} for s in Stage]


def access_public_item(item_id: Any) -> ApprovalItem:
    """One active item with its materials, or NotFound (a missing and a retired item look the same)."""
    pk = id_or_none(item_id)
    materials = Prefetch(
        "materials",
        queryset=MaterialRequirement.objects.only(
            "item_id", "seq", "name", "form", "copies", "required", "issuing_body", "notes"
        ).order_by("seq"),
    )
    item = _public_items().prefetch_related(materials).filter(pk=pk).first() if pk else None
    if item is None:
        raise NotFound(_("办事指南不存在。"))
    return item
