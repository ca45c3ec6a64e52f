"""Turning a stored event into rows a reader understands: field names, old and new values."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model
from django.utils.translation import gettext as _

from liaison.audit.actions import extra_label
from liaison.audit.models import AuditEvent


@dataclass(frozen=True)
class ChangeRow:
    field: str
    label: str
    before: str
    after: str


def _model_for(object_type: str) -> type[Model] | None:
    app_label, _sep, model_name = object_type.partition(".")
    try:
        return apps.get_model(app_label, model_name)
    except (LookupError, ValueError):
        return None


def _field_label(model: type[Model] | None, name: str) -> str:
    if model is None:
        return name
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    return str(getattr(field, "verbose_name", name))


def display_value(value: Any) -> str:
    """None → "—", booleans → 是/否, lists and dicts as compact JSON, everything else as text."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("是") if value else _("否")
    if isinstance(value, list) and all(not isinstance(v, list | dict) for v in value):
        return "、".join(display_value(v) for v in value) if value else "—"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def change_rows(event: AuditEvent) -> list[ChangeRow]:
    """One row per changed field: its label (the model's verbose name when known), before, after."""
    model = _model_for(event.object_type)
    diff = (event.changes or {}).get("diff") or {}
    rows = []
    for name, pair in diff.items():
        before, after = [*pair, None, None][:2] if isinstance(pair, list) else (None, pair)
        rows.append(ChangeRow(name, _field_label(model, name), display_value(before), display_value(after)))
    return rows


def extra_rows(event: AuditEvent) -> list[tuple[str, str]]:
    """The event's extra facts (for example what an import contained), as label and text."""
    extra = (event.changes or {}).get("extra") or {}
    return [(extra_label(str(k)), display_value(v)) for k, v in extra.items()]
