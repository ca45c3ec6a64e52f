"""Validation of an item's fields, materials checklist and prerequisites (shared by create and update)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.db import connection
from django.utils.translation import gettext as _

from liaison.catalogue.graph import cycle_through
from liaison.catalogue.models import ApprovalItem, ItemPrerequisite, MaterialForm
from liaison.catalogue.selectors._ids import parse_pk
from liaison.catalogue.stages import Stage
from liaison.core.errors import DomainError
from liaison.directory.models import Department

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
)
TEXT_LIMITS = {"code": 40, "name": 200, "fee_note": 300, "location": 200}
MATERIAL_LIMITS = {"name": 200, "issuing_body": 100, "notes": 300}
# Any fixed number: the key of the PostgreSQL advisory lock that serialises prerequisite edits.
PREREQUISITE_GRAPH_LOCK = 0x11A150


def _int(value: Any, *, field: str, label: str) -> int:
    if isinstance(value, bool):
        raise DomainError(_("%(f)s应为整数。") % {"f": label}, field=field)
    try:
        return int(value)
    except (TypeError, ValueError):
        raise DomainError(_("%(f)s应为整数。") % {"f": label}, field=field) from None


def _clean_value(name: str, value: Any, instance: ApprovalItem | None) -> Any:
    """One field, normalised; DomainError naming the field when the value breaks a rule."""
    if name == "department":
        if not isinstance(value, Department):
            raise DomainError(_("请选择实施部门。"), field="department")
        if not value.is_active and (instance is None or instance.department_id != value.pk):
            raise DomainError(_("部门“%(d)s”已停用，不能新增事项。") % {"d": value.name}, field="department")
        return value
    if name == "stage":
        if value not in Stage.values:
            raise DomainError(_("请选择有效的审批阶段。"), field="stage")
        return value
    if name == "time_limit_days":
        days = _int(value, field=name, label=_("承诺时限"))
        if days < 1:
            raise DomainError(_("承诺时限至少为1个工作日。"), field=name)
        return days
    if name == "statutory_limit_days":
        if value in (None, ""):
            return None
        days = _int(value, field=name, label=_("法定时限"))
        if days < 1:
            raise DomainError(_("法定时限至少为1个工作日。"), field=name)
        return days
    text = str(value or "").strip()
    limit = TEXT_LIMITS.get(name)
    if limit and len(text) > limit:
        raise DomainError(_("内容过长，最多 %(n)s 个字符。") % {"n": limit}, field=name)
    return text


def clean_item_fields(fields: Mapping[str, Any], *, instance: ApprovalItem | None) -> dict[str, Any]:
    """Normalise item fields and check each rule; the first broken rule raises DomainError."""
    unknown = set(fields) - set(ITEM_FIELDS)
    if unknown:
        raise DomainError(_("不支持修改的字段：%(f)s") % {"f": "、".join(sorted(unknown))})
    out = {name: _clean_value(name, value, instance) for name, value in fields.items()}
    if "code" in out:
        if not out["code"]:
            raise DomainError(_("请填写事项编码。"), field="code")
        others = ApprovalItem.objects.filter(code__iexact=out["code"])
        if instance is not None:
            others = others.exclude(pk=instance.pk)
        if others.exists():
            raise DomainError(_("事项编码“%(c)s”已被使用。") % {"c": out["code"]}, field="code")
    if "name" in out and not out["name"]:
        raise DomainError(_("请填写事项名称。"), field="name")
    promised = out.get("time_limit_days", getattr(instance, "time_limit_days", None))
    statutory = out.get("statutory_limit_days", getattr(instance, "statutory_limit_days", None))
    if statutory is not None and promised is not None and statutory < promised:
        raise DomainError(
            _("法定时限（%(s)d个工作日）不能少于承诺时限（%(p)d个工作日）。")
            % {"s": statutory, "p": promised},
            field="statutory_limit_days",
        )
    return out


def clean_materials(materials: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The checklist lines in order, each validated; numbered 1…n."""
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for seq, raw in enumerate(materials, start=1):
        row = {k: raw.get(k) for k in ("name", "form", "copies", "required", "issuing_body", "notes")}
        name = str(row["name"] or "").strip()
        prefix = _("第%(i)d项材料：") % {"i": seq}
        if not name:
            raise DomainError(prefix + _("请填写材料名称。"), field="materials")
        if len(name) > MATERIAL_LIMITS["name"]:
            raise DomainError(prefix + _("材料名称最多200个字符。"), field="materials")
        if name in seen:
            raise DomainError(prefix + _("材料“%(n)s”重复。") % {"n": name}, field="materials")
        seen.add(name)
        form = row["form"] or MaterialForm.ORIGINAL
        if form not in MaterialForm.values:
            raise DomainError(prefix + _("原件/复印件的取值无效。"), field="materials")
        copies = 1 if row["copies"] in (None, "") else _int(row["copies"], field="materials", label=_("份数"))
        if copies < 1:
            raise DomainError(prefix + _("份数至少为1。"), field="materials")
        line: dict[str, Any] = {
            "seq": seq,
            "name": name,
            "form": form,
            "copies": copies,
            "required": True if row["required"] is None else bool(row["required"]),
        }
        for key in ("issuing_body", "notes"):
            text = str(row[key] or "").strip()
            if len(text) > MATERIAL_LIMITS[key]:
                raise DomainError(
                    prefix + _("内容过长，最多 %(n)s 个字符。") % {"n": MATERIAL_LIMITS[key]},
                    field="materials",
                )
            line[key] = text
        out.append(line)
    return out


def lock_prerequisite_graph() -> None:
    """Serialise prerequisite edits so two concurrent edits cannot close a cycle together.

    SQLite transactions here are IMMEDIATE (one writer at a time) already; PostgreSQL needs a lock.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [PREREQUISITE_GRAPH_LOCK])


def _label(item: ApprovalItem) -> str:
    return f"{item.code} {item.name}"


def clean_prerequisites(*, item: ApprovalItem | None, prerequisite_ids: Sequence[Any]) -> list[ApprovalItem]:
    """The prerequisite items, checked to exist, be active (when new) and close no cycle."""
    ids: list[int] = []
    for raw in prerequisite_ids:
        value = _int(getattr(raw, "pk", raw), field="prerequisite_ids", label=_("前置事项"))
        if parse_pk(value) is None:
            raise DomainError(_("前置事项不存在：%(ids)s") % {"ids": value}, field="prerequisite_ids")
        if value not in ids:
            ids.append(value)
    if item is not None and item.pk in ids:
        raise DomainError(_("不能把事项本身设为自己的前置事项。"), field="prerequisite_ids")
    found = {p.pk: p for p in ApprovalItem.objects.filter(pk__in=ids)}
    missing = [i for i in ids if i not in found]
    if missing:
        raise DomainError(
            _("前置事项不存在：%(ids)s") % {"ids": "、".join(str(i) for i in missing)},
            field="prerequisite_ids",
        )
    current = (
        set() if item is None else set(item.prerequisite_links.values_list("prerequisite_id", flat=True))
    )
    inactive = [found[i] for i in ids if not found[i].is_active and i not in current]
    if inactive:
        raise DomainError(
            _("前置事项已停用：%(items)s") % {"items": "、".join(_label(p) for p in inactive)},
            field="prerequisite_ids",
        )
    if item is not None and item.pk is not None:
        graph: dict[int, list[int]] = {}
        edges = ItemPrerequisite.objects.exclude(item_id=item.pk).values_list("item_id", "prerequisite_id")
        for node, prerequisite in edges:
            graph.setdefault(node, []).append(prerequisite)
        cycle = cycle_through(graph, item.pk, ids)
        if cycle is not None:
            names = {i.pk: i for i in ApprovalItem.objects.filter(pk__in=cycle)}
            chain = " → ".join(_label(names[n]) for n in cycle)
            raise DomainError(
                _("前置事项形成循环：%(chain)s") % {"chain": chain}, field="prerequisite_ids", details=cycle
            )
    return [found[i] for i in ids]
