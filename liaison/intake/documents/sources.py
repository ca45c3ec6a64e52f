"""Which Word template fills a document (the centre's active upload, else the built-in one), and filling it.

Intake's own kinds are registered here (see registry.py); other apps register theirs on start-up.
"""

from __future__ import annotations

import io
from functools import partial
from typing import Any

from docxtpl import DocxTemplate

from liaison.intake.documents.build_templates import AGREEMENT_TEMPLATE, ORDER_TEMPLATE
from liaison.intake.documents.registry import DocumentSpec, document_spec, register_document
from liaison.intake.models import DocumentKind, DocumentTemplate

__all__ = ["document_spec", "render_docx", "sample_context", "template_bytes", "template_variables"]

BUILT_IN = {
    DocumentKind.ASSIGNMENT_ORDER: ORDER_TEMPLATE,
    DocumentKind.ENTRUSTMENT_AGREEMENT: AGREEMENT_TEMPLATE,
}

COMMON_VARIABLES = frozenset(
    {
        "region_name",
        "centre_name",
        "service_number",
        "project_name",
        "national_code",
        "location",
        "enterprise_name",
        "uscc",
        "scope",
        "scope_detail",
        "lead_contact",
        "handler_contact",
    }
)
# Every tag a template may use, and the few it must keep for the document to mean anything.
VARIABLES = {
    DocumentKind.ASSIGNMENT_ORDER: COMMON_VARIABLES
    | {
        "investment",
        "current_stage",
        "eligibility_basis",
        "planned_period",
        "order_number",
        "lead_officer",
        "assistant_officers",
        "assigned_date",
    },
    DocumentKind.ENTRUSTMENT_AGREEMENT: COMMON_VARIABLES
    | {"legal_representative", "enterprise_address", "investment", "accepted_date"},
}
REQUIRED = {
    DocumentKind.ASSIGNMENT_ORDER: frozenset({"service_number", "project_name", "lead_officer"}),
    DocumentKind.ENTRUSTMENT_AGREEMENT: frozenset({"service_number", "project_name", "enterprise_name"}),
}


def active_template(kind: str) -> DocumentTemplate | None:
    """The centre's uploaded template in use for `kind`, if any."""
    return DocumentTemplate.objects.filter(kind=kind, is_active=True).first()


def template_bytes(kind: str) -> bytes:
    """The .docx the document of `kind` is filled from: the centre's active upload, else the built-in one."""
    override = active_template(kind)
    if override is not None:
        with override.file.open("rb") as handle:
            return handle.read()
    spec = document_spec(kind)
    if spec is None:
        raise LookupError(f"no document template registered for {kind!r}")
    return spec.built_in.read_bytes()


def render_docx(source: bytes, context: dict[str, Any]) -> bytes:
    """Fill a .docx template (given as bytes) with `context`, autoescaped; return the new .docx."""
    doc = DocxTemplate(io.BytesIO(source))
    doc.render(context, autoescape=True)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def template_variables(source: bytes) -> set[str]:
    """The `{{ … }}` names a template uses."""
    return set(DocxTemplate(io.BytesIO(source)).get_undeclared_template_variables())


def sample_context(kind: str) -> dict[str, Any]:
    """Plausible data to try a new template of `kind` with before it is put into use."""
    spec = document_spec(kind)
    if spec is None:
        raise LookupError(f"no document template registered for {kind!r}")
    return spec.sample()


def _intake_sample(kind: str) -> dict[str, Any]:
    base = {
        "region_name": "示例区",
        "centre_name": "示例区政务服务中心",
        "service_number": "WH-2026-0001",
        "project_name": "示例商业综合体项目",
        "national_code": "2603-530102-04-01-100231",
        "location": "示例区示例路1号",
        "enterprise_name": "示例置业有限公司",
        "uscc": "91530102MA6K0XY234",
        "scope": "全程委托代办",
        "scope_detail": "全部四个审批阶段",
        "lead_contact": "张三　13800000000",
        "handler_contact": "李四　13900000000",
    }
    if kind == DocumentKind.ASSIGNMENT_ORDER:
        return {
            **base,
            "investment": "8,000.00 万元",
            "current_stage": "立项及备案用地规划许可阶段",
            "eligibility_basis": "第八条第（一）项：社会投资内资项目总投资 80,000,000.00 CNY，"
            "达到 20,000,000.00 CNY 以上（含本数）。",
            "planned_period": "2026年01月05日至2026年12月31日（依据服务方案第1版）",
            "order_number": "WH-2026-0001-01",
            "lead_officer": "王五（LLG-2026-0001）　13700000000",
            "assistant_officers": "无",
            "assigned_date": "2026年01月01日",
        }
    return {
        **base,
        "legal_representative": "赵六",
        "enterprise_address": "示例区示例路1号",
        "investment": "2,000.00 万元",
        "accepted_date": "2026年01月01日",
    }


for _kind in (DocumentKind.ASSIGNMENT_ORDER, DocumentKind.ENTRUSTMENT_AGREEMENT):
    register_document(
        DocumentSpec(
            kind=_kind.value,
            built_in=BUILT_IN[_kind],
            variables=frozenset(VARIABLES[_kind]),
            required=REQUIRED[_kind],
            sample=partial(_intake_sample, _kind.value),
        )
    )
