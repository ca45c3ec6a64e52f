"""The method and a period's report as .docx (and the report as PDF), filled from the committed
templates (build_template.py). Callers check who may read the method, the period and its results."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from liaison.assessment.documents.build_template import METHOD_TEMPLATE, REPORT_TEMPLATE
from liaison.assessment.models import AssessmentMethod, AssessmentPeriod, SubjectKind, SubjectResult
from liaison.assessment.selectors.methods import method_sections
from liaison.core.documents import docx_to_pdf
from liaison.core.docx_kit import form_date, render_template


def scoring_rule() -> str:
    return _(
        "每项指标按其计分规则折算为 0–100 分；考核对象的总分为其有数据的各项指标得分按权重加权平均"
        "（无数据的比率类指标不计 0 分也不计 100 分，其权重在其余有数据的指标间按比例重新分配），"
        "保留两位小数。调整后得分由中心负责人填写并说明理由，与计算得分并列显示。"
    )


def _score(value: Any) -> str:
    return "—" if value is None else str(value)


def method_context(method: AssessmentMethod) -> dict[str, Any]:
    return {
        "title": method.title,
        "version": method.version or "—",
        "published_on": form_date(method.published_on) if method.published_on else _("未发布"),
        "state": str(method.get_state_display()),
        "centre_name": settings.CENTRE_NAME,
        "explanation": method.explanation,
        "indicators": [
            {**row, "kind": section.label, "weight": f"{row['weight']}/{row['total']}"}
            for section in method_sections(method)
            for row in section.rows
        ],
        "scoring_rule": scoring_rule(),
    }


def report_context(period: AssessmentPeriod, results: Iterable[SubjectResult]) -> dict[str, Any]:
    return {
        "code": period.code,
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "method": str(period.method),
        "state": str(period.get_state_display()),
        "published_by": period.published_by.display_name if period.published_by else "",
        "published_on": form_date(period.published_at.date()) if period.published_at else _("未发布"),
        "centre_name": settings.CENTRE_NAME,
        "scoring_rule": scoring_rule(),
        "results": [
            {
                "kind": str(SubjectKind(r.subject_kind).label),
                "label": r.label,
                "computed": _score(r.computed_score),
                "adjusted": _score(r.adjusted_score),
                "final": _score(r.final_score),
                "reason": r.adjustment_reason,
            }
            for r in results
        ],
    }


def method_docx(method: AssessmentMethod) -> bytes:
    return render_template(METHOD_TEMPLATE, method_context(method))


def report_docx(period: AssessmentPeriod, results: Iterable[SubjectResult]) -> bytes:
    return render_template(REPORT_TEMPLATE, report_context(period, results))


def report_pdf(period: AssessmentPeriod, results: Iterable[SubjectResult]) -> bytes:
    return docx_to_pdf(report_docx(period, results))
