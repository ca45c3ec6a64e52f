"""Demo assessment, through the product's services: the centre leader's method (version 1, published),
this quarter computed from the demo's record with one adjusted score and published, and this year's
period still a draft."""

from __future__ import annotations

from collections.abc import Callable

from django.utils import timezone

from liaison.assessment.indicators import REGISTRY
from liaison.assessment.models import PeriodKind, SubjectKind
from liaison.assessment.periods import quarter_of
from liaison.assessment.services.methods import method_create, method_publish
from liaison.assessment.services.periods import period_compute, period_create, period_publish
from liaison.assessment.services.results import result_adjust
from liaison.directory.models import User

EXPLANATION = (
    "为落实《五华区政务服务联络官服务实施细则》第二十四条“建立监督和考核办法”，对政务服务联络官、"
    "审批（服务）事项专职指导员及其所在职能部门的服务工作实行季度和年度考核。\n"
    "考核得分全部依据平台记录计算，不人工录入；中心负责人可说明理由调整个别得分，调整与计算得分并列公示。"
    "考核结果发布后冻结，此后记录的变化不影响已发布的结果。"
)


def build_assessment_demo(admin: User, log: Callable[[str], None]) -> None:
    leader = User.objects.filter(username="center_leader").first()
    if leader is None:
        return
    weights = {key: ind.default_weight for key, ind in REGISTRY.items()}
    method = method_create(
        actor=leader, title="政务服务联络官服务考核办法（试行）", explanation=EXPLANATION, weights=weights
    )
    method = method_publish(actor=leader, method=method)
    year, quarter = quarter_of(timezone.localdate())
    period = period_create(actor=leader, kind=PeriodKind.QUARTER, year=year, quarter=quarter, method=method)
    period_compute(actor=leader, period=period)
    first = period.results.filter(subject_kind=SubjectKind.OFFICER, computed_score__isnull=False).first()
    if first is not None and first.computed_score is not None:
        result_adjust(
            actor=leader,
            result=first,
            score=min(first.computed_score + 5, 100),
            reason="承担区级重点项目攻坚任务，经中心负责人集体研究加分",
        )
    period_publish(actor=leader, period=period)
    period_create(actor=leader, kind=PeriodKind.YEAR, year=year, method=method)
    log(f"assessment: method v1, {period.code} published ({period.results.count()} results), {year} draft")
