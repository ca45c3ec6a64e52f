"""Template helpers for the audit trail, usable on any page: `{% load audit_tags %}`."""

from __future__ import annotations

from django import template
from django.db.models import Model
from django.urls import reverse

from liaison.audit import actions

register = template.Library()


@register.filter
def action_label(code: str) -> str:
    return actions.action_label(code or "")


@register.filter
def role_label(code: str) -> str:
    return actions.role_label(code or "")


@register.filter
def source_label(code: str) -> str:
    return actions.source_label(code or "")


@register.filter
def object_type_label(object_type: str) -> str:
    return actions.object_type_label(object_type or "")


@register.simple_tag
def audit_history_url(obj: Model) -> str:
    """The URL of `obj`'s history page (also answers htmx with just the table)."""
    return reverse("audit:object_history", args=[obj._meta.label_lower, str(obj.pk)])
