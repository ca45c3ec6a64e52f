"""Building the record an assessment reads — through the real services — and a published method and a
period of the current quarter. This module holds no tests."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from liaison.assessment.models import AssessmentMethod, AssessmentPeriod, PeriodKind
from liaison.assessment.periods import quarter_of
from liaison.assessment.services.methods import method_create, method_publish
from liaison.assessment.services.periods import period_create
from liaison.consultations.services.consultations import consultation_raise
from liaison.consultations.services.replies import MaterialLine, consultation_reply
from liaison.consultations.tests.builders import reply_form
from liaison.evaluation.models import BadReviewReason, Invitation, SubjectKind
from liaison.evaluation.services.evaluations import evaluation_give
from liaison.evaluation.tests.support import finish_item
from liaison.intake.models import Assignment

# The weights of the hand-computed example (every other indicator 0).
WEIGHTS = {
    "officer.items_on_time": 50,
    "officer.satisfaction": 30,
    "officer.bad_reviews": 20,
    "guide.replies_on_time": 40,
    "guide.supplements": 30,
    "guide.satisfaction": 30,
    "department.replies_on_time": 40,
    "department.supplements": 30,
    "department.satisfaction": 30,
}


def published_method(leader: Any, weights: dict[str, int] | None = None) -> AssessmentMethod:
    method = method_create(
        actor=leader,
        title="政务服务联络官服务考核办法",
        explanation="依据实施细则第二十四条制定。",
        weights=weights or WEIGHTS,
    )
    return method_publish(actor=leader, method=method)


def this_quarter(leader: Any, method: AssessmentMethod | None = None) -> AssessmentPeriod:
    year, quarter = quarter_of(timezone.localdate())
    return period_create(actor=leader, kind=PeriodKind.QUARTER, year=year, quarter=quarter, method=method)


def consult_and_supplement(case: Any) -> None:
    """The officer asks the item's guide; the guide answers on time, then adds a supplementary notice."""
    w = case.world
    c = consultation_raise(
        actor=w.officer_user,
        project=case.project,
        subject="规划许可咨询",
        situation="项目已取得土地。",
        requests="请一次性告知材料。",
        channel="phone",
        project_items=[case.item],
    )
    consultation_reply(actor=w.guide, consultation=c, form=reply_form())
    more = [*reply_form().materials, MaterialLine(name="建设项目环境影响登记表", form="original", copies=1)]
    consultation_reply(
        actor=w.guide,
        consultation=c,
        form=reply_form(materials=more, supplementary_reason="企业调整了建设方案"),
    )


def officer_of(case: Any) -> Any:
    return Assignment.objects.get(project=case.project, is_active=True).officer


def service_invitation(case: Any, project: Any, officer: Any, n: int) -> Invitation:
    return Invitation.objects.create(
        kind=SubjectKind.SERVICE,
        project=project,
        officer=officer,
        title=f"{project.name} 服务评价 {n}",
        opened_on=timezone.localdate(),
    )


def evaluate(case: Any, invitation: Invitation, level: int, guide_level: int | None = None) -> Any:
    reasons = [BadReviewReason.objects.first().pk] if level <= 2 or (guide_level or 5) <= 2 else []
    return evaluation_give(
        actor=case.world.applicant,
        invitation_id=invitation.pk,
        level=level,
        guide_level=guide_level,
        reason_ids=reasons,
    )


def build_example(case: Any) -> None:
    """The hand-computed example's record (see test_scoring)."""
    consult_and_supplement(case)
    finish_item(case)
    item_invitation = Invitation.objects.get(project=case.project, kind=SubjectKind.ITEM)
    evaluate(case, item_invitation, 4, guide_level=2)
    a = officer_of(case)
    evaluate(case, service_invitation(case, case.project, a, 1), 5)
    evaluate(case, service_invitation(case, case.project, a, 2), 2)


def staffed(world: Any, department: Any, other_department: Any) -> Any:
    """Two items in office: the world's guide in `department`, another guide in `other_department`."""
    from liaison.directory.roles import Role
    from liaison.testing.personas import make_user
    from liaison.tracking.tests.builders import make_catalogue_item

    make_catalogue_item(world.center_admin, department, "DRC-301", guide=world.guide)
    other_guide = make_user(
        "t_other_guide", roles=(Role.GUIDE,), department=other_department, full_name="他部门指导员"
    )
    make_catalogue_item(world.center_admin, other_department, "NRB-301", guide=other_guide)
    return other_guide


def published_period(world: Any) -> AssessmentPeriod:
    from liaison.assessment.services.periods import period_compute, period_publish

    leader = world.center_leader
    period = this_quarter(leader, published_method(leader))
    period_compute(actor=leader, period=period)
    return period_publish(actor=leader, period=period)
