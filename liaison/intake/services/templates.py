"""The centre replaces the Word template of a document: any kind registered in documents/registry.py
(the assignment order, the entrustment agreement, and kinds other apps register, e.g. Attachment 3)."""

from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.errors import Conflict, DomainError, PermissionDenied
from liaison.core.uploads import check_upload
from liaison.intake.documents.registry import DocumentSpec
from liaison.intake.documents.sources import document_spec, render_docx, template_variables
from liaison.intake.models import DocumentKind, DocumentTemplate
from liaison.intake.policies import can_manage_document_templates

MAX_TEMPLATE_BYTES = 5 * 1024 * 1024


def _require_centre(actor: Any) -> None:
    if not can_manage_document_templates(actor):
        raise PermissionDenied(_("只有政务服务中心工作人员可以维护文书模板。"))


def _spec_of(kind: str) -> DocumentSpec:
    spec = document_spec(kind) if kind in DocumentKind.values else None
    if spec is None:
        raise DomainError(_("文书类型无效。"), field="kind")
    return spec


def _try_template(spec: DocumentSpec, data: bytes) -> None:
    """Refuse a template that does not fill: unknown or missing tags, broken syntax, a damaged file."""
    try:
        used = template_variables(data)
        unknown = sorted(used - spec.variables)
        if unknown:
            raise DomainError(
                _("模板中有系统不认识的字段：%(f)s。可用字段：%(ok)s。")
                % {"f": "、".join(unknown), "ok": "、".join(sorted(spec.variables))},
                field="file",
            )
        missing = sorted(spec.required - used)
        if missing:
            raise DomainError(
                _("模板缺少必需的字段：%(f)s（写作 {{ 字段名 }}）。")
                % {"f": "、".join(f"{{{{ {name} }}}}" for name in missing)},
                field="file",
            )
        render_docx(data, spec.sample())
    except DomainError:
        raise
    except Exception as exc:  # a damaged package or broken tags fail in many ways; all mean "not usable"
        raise DomainError(
            _("模板无法用示例数据生成文书：%(e)s。请检查 {{ }} 标记是否完整。") % {"e": str(exc)[:200]},
            field="file",
        ) from exc


def document_template_upload(*, actor: Any, kind: str, upload: Any, note: str = "") -> DocumentTemplate:
    """Put a new .docx template into use for `kind` after it has filled correctly with sample data."""
    _require_centre(actor)
    spec = _spec_of(kind)
    document_kind = DocumentKind(spec.kind)
    checked = check_upload(upload, allowed=frozenset({"docx"}), max_bytes=MAX_TEMPLATE_BYTES)
    upload.seek(0)
    data = upload.read()
    _try_template(spec, data)
    name = (getattr(upload, "name", "") or "template.docx").rsplit("/", 1)[-1][-200:]
    try:
        with transaction.atomic():
            previous = list(
                DocumentTemplate.objects.select_for_update().filter(kind=document_kind, is_active=True)
            )
            DocumentTemplate.objects.filter(pk__in=[p.pk for p in previous]).update(is_active=False)
            template = DocumentTemplate(
                kind=document_kind,
                original_name=name,
                sha256=checked.sha256,
                note=(note or "").strip()[:200],
                uploaded_by=actor,
            )
            template.file.save(f"{document_kind}-{checked.sha256[:12]}.docx", ContentFile(data), save=False)
            try:
                template.save()
            except IntegrityError:
                template.file.delete(save=False)
                raise
            audit_record(
                actor=actor,
                action="document_template.upload",
                obj=template,
                before={"active": previous[0].original_name if previous else _("系统内置模板")},
                after={"active": name, "sha256": checked.sha256},
                summary=_("启用新的%(kind)s模板 %(name)s") % {"kind": document_kind.label, "name": name},
            )
    except IntegrityError as exc:
        raise Conflict(_("另一位工作人员刚刚上传了该文书的模板，请刷新后重试。")) from exc
    return template


def document_template_reset(*, actor: Any, kind: str) -> None:
    """Go back to the built-in template for `kind`; uploaded ones stay in the history."""
    _require_centre(actor)
    document_kind = DocumentKind(_spec_of(kind).kind)
    with transaction.atomic():
        current = (
            DocumentTemplate.objects.select_for_update().filter(kind=document_kind, is_active=True).first()
        )
        if current is None:
            raise DomainError(_("当前已在使用系统内置模板。"), field="kind")
        current.is_active = False
        current.save(update_fields=["is_active"])
        audit_record(
            actor=actor,
            action="document_template.reset",
            obj=current,
            before={"active": current.original_name},
            after={"active": _("系统内置模板")},
            summary=_("%(kind)s恢复使用系统内置模板") % {"kind": document_kind.label},
        )
