"""Reads of the centre's document templates (uploaded Word templates and which one is in use)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from liaison.core.errors import NotFound
from liaison.intake.models import DocumentTemplate
from liaison.intake.policies import can_manage_document_templates


def document_template_list(*, user: Any, kind: str = "") -> QuerySet[DocumentTemplate]:
    """Every uploaded template (the active one of each kind first), for the centre; nothing for others."""
    if not can_manage_document_templates(user):
        return DocumentTemplate.objects.none()
    qs = DocumentTemplate.objects.select_related("uploaded_by")
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("kind", "-is_active", "-uploaded_at", "-id")


def access_document_template(user: Any, template_id: int) -> DocumentTemplate:
    """One uploaded template, for the centre (to download it); missing and forbidden look the same."""
    template = DocumentTemplate.objects.filter(pk=template_id).first()
    if template is None or not can_manage_document_templates(user):
        raise NotFound(_("模板不存在。"))
    return template
