"""What a plan version keeps (a JSON snapshot) and the difference between two snapshots."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from liaison.catalogue.stages import Stage
from liaison.tracking.models import COUNTED_STATES, ProjectItem

ITEM_KEYS = ("code", "name", "stage", "order", "planned_start", "planned_due", "state")


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def stage_completion(items: Iterable[ProjectItem]) -> dict[str, str | None]:
    """Projected completion of each stage in the plan: the latest planned due date (None if one is unknown)."""
    out: dict[str, str | None] = {}
    unknown: set[str] = set()
    for item in items:
        if item.state not in COUNTED_STATES:
            continue
        if item.planned_due is None:
            unknown.add(item.stage)
        current = out.get(item.stage)
        due = _iso(item.planned_due)
        out[item.stage] = max(filter(None, [current, due]), default=None)
    for stage in unknown:
        out[stage] = None
    return {s: out[s] for s in Stage.values if s in out}


def plan_snapshot(start_date: Any, items: list[ProjectItem]) -> dict[str, Any]:
    """The plan as data: items (by catalogue code), stage completions and the projected completion."""
    rows = [
        {
            "item_id": item.approval_item_id,
            "code": item.approval_item.code,
            "name": item.approval_item.name,
            "stage": item.stage,
            "order": item.order,
            "planned_start": _iso(item.planned_start),
            "planned_due": _iso(item.planned_due),
            "state": item.state,
        }
        for item in sorted(items, key=lambda i: (i.order, i.pk))
    ]
    stages = stage_completion(items)
    ends = list(stages.values())
    completion = None if (not ends or None in ends) else max(e for e in ends if e)
    return {"start_date": _iso(start_date), "items": rows, "stages": stages, "completion": completion}


@dataclass(frozen=True)
class ItemChange:
    code: str
    name: str
    changes: dict[str, tuple[Any, Any]]


@dataclass(frozen=True)
class SnapshotDiff:
    added: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    changed: list[ItemChange] = field(default_factory=list)
    stages: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    completion: tuple[Any, Any] | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.stages or self.completion)


def snapshot_diff(old: dict[str, Any], new: dict[str, Any]) -> SnapshotDiff:
    """Items added, removed and changed (field by field), stage and project completions that moved."""
    before = {row["code"]: row for row in old.get("items", [])}
    after = {row["code"]: row for row in new.get("items", [])}
    changed = []
    for code in after.keys() & before.keys():
        delta = {
            k: (before[code].get(k), after[code].get(k))
            for k in ITEM_KEYS
            if before[code].get(k) != after[code].get(k)
        }
        if delta:
            changed.append(ItemChange(code, after[code]["name"], delta))
    old_stages, new_stages = old.get("stages", {}), new.get("stages", {})
    stages = {
        s: (old_stages.get(s), new_stages.get(s))
        for s in Stage.values
        if old_stages.get(s) != new_stages.get(s)
    }
    completion = None
    if old.get("completion") != new.get("completion"):
        completion = (old.get("completion"), new.get("completion"))
    return SnapshotDiff(
        added=[after[c] for c in sorted(after.keys() - before.keys())],
        removed=[before[c] for c in sorted(before.keys() - after.keys())],
        changed=sorted(changed, key=lambda c: c.code),
        stages=stages,
        completion=completion,
    )
