"""The columns of a period's results sheet, once: the subject, the scores, then each indicator's raw
value and score as the method of the period weighs it."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from liaison.assessment.indicators import indicator_get
from liaison.assessment.models import AssessmentPeriod, SubjectKind, SubjectResult
from liaison.core.listing import Column, ListExport


def _num(value: Any) -> Any:
    return None if value is None else float(value)


def _value(key: str, part: str) -> Any:
    def read(r: SubjectResult) -> Any:
        for v in r.values:
            if v["key"] == key:
                return _num(v[part]) if v[part] is not None else "无数据"
        return None

    return read


def results_export(period: AssessmentPeriod) -> ListExport:
    columns = [
        Column(_("类别"), lambda r: str(SubjectKind(r.subject_kind).label), 10),
        Column(_("考核对象"), lambda r: r.label, 24),
        Column(_("所属部门"), lambda r: r.department.name if r.department else "", 20),
        Column(_("计算得分"), lambda r: _num(r.computed_score), 10),
        Column(_("调整后得分"), lambda r: _num(r.adjusted_score), 10),
        Column(_("最终得分"), lambda r: _num(r.final_score), 10),
        Column(_("调整理由"), lambda r: r.adjustment_reason, 30),
    ]
    for w in period.method.weights.filter(weight__gt=0):
        ind = indicator_get(w.indicator)
        if ind is None:
            continue
        name = f"{SubjectKind(ind.kind).label}·{ind.label}"
        columns.append(Column(f"{name}（{ind.unit}）", _value(ind.key, "raw"), 14))
        columns.append(Column(f"{name}得分", _value(ind.key, "score"), 12))
    return ListExport(_("%(c)s考核结果") % {"c": period.code}, columns)
