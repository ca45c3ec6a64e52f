"""Demo evaluations, through the product's services, on the invitations the demo's finished items and
ended services opened: every level, a bad review at every step of its follow-up, an upheld and a refused
appeal, return visits planned (due) and two recorded with the survey."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils import timezone

from liaison.directory.models import User
from liaison.evaluation.defaults import seed_default_lists
from liaison.evaluation.models import (
    BadReviewReason,
    Evaluation,
    FollowUp,
    Invitation,
    ReturnVisit,
    SurveyQuestion,
)
from liaison.evaluation.services.appeals import appeal_decide, appeal_lodge
from liaison.evaluation.services.evaluations import evaluation_give
from liaison.evaluation.services.followups import (
    follow_up_close,
    follow_up_confirm,
    follow_up_dismiss,
    follow_up_report,
)
from liaison.evaluation.services.visits import visit_plan_manual, visit_record, visits_plan
from liaison.intake.models import Project
from liaison.intake.people import department_admins, enterprise_users

# One level per invitation, in order: every level, and enough bad reviews for every follow-up step.
LEVELS = (2, 5, 1, 4, 2, 3, 1, 2, 5, 1, 2, 4, 2, 5, 4, 3)
TEXTS = {
    5: "联络官全程跟进，材料一次性告知，非常满意。",
    4: "服务及时，沟通顺畅。",
    3: "总体可以，个别环节等待较久。",
    2: "材料多次往返，办理时间较长。",
    1: "多次联系不上，进度不清楚。",
}


def _evaluate(invitation: Invitation, level: int, reasons: list[BadReviewReason]) -> Evaluation | None:
    people = enterprise_users(invitation.project)
    if not people:
        return None
    bad = level <= 2
    return evaluation_give(
        actor=people[0],
        invitation_id=invitation.pk,
        level=level,
        guide_level=(level if invitation.guide_id else None),
        reason_ids=[reasons[len(TEXTS) % len(reasons)].pk, reasons[0].pk] if bad else [],
        text=TEXTS[level],
    )


def _follow_ups(admin: User, leader: User | None, bad: list[Evaluation]) -> list[str]:
    """Leave the bad reviews at successive steps: verifying, rectifying, returning, closed, unfounded,
    then an upheld and a refused appeal."""
    done: list[str] = []
    for n, e in enumerate(bad):
        f = FollowUp.objects.get(evaluation=e)
        service = e.invitation.kind == "service"
        officer = e.invitation.officer.user if service and e.invitation.officer else None
        responsible = "officer" if officer else "department"
        appellant = officer or e.invitation.guide
        if n == 0:
            done.append("verifying")
            continue
        if n == 5:
            follow_up_dismiss(
                actor=admin, follow_up_id=f.pk, verification="电话回访核实：企业误将其他部门原因归于本事项。"
            )
            done.append("unfounded")
            continue
        if n in (6, 7) and appellant and leader:
            appeal = appeal_lodge(
                actor=appellant, evaluation_id=e.pk, grounds="延误系企业补正材料不及时，附沟通记录。"
            )
            appeal_decide(
                actor=leader,
                appeal_id=appeal.pk,
                upheld=(n == 6),
                reason="经核查沟通记录，延误原因在企业。"
                if n == 6
                else "经核查，联络官确有联系不及时的情况。",
            )
            done.append("appeal_upheld" if n == 6 else "appeal_refused")
            continue
        follow_up_confirm(
            actor=admin,
            follow_up_id=f.pk,
            verification="电话回访核实，情况属实。",
            responsible=responsible,
            department_id=e.invitation.department_id,
            asked="查找原因，建立一次性告知和每周进度通报。",
        )
        if n == 1:
            done.append("rectifying")
            continue
        admins = department_admins(e.invitation.department_id) if e.invitation.department_id else []
        reporter = officer if responsible == "officer" else (admins[0] if admins else None)
        if reporter is None:
            done.append("rectifying")
            continue
        follow_up_report(actor=reporter, follow_up_id=f.pk, report="已向企业书面说明原因，建立每周进度通报。")
        if n == 2:
            done.append("returning")
            continue
        follow_up_close(actor=admin, follow_up_id=f.pk, accepts=(n != 4), note="回访企业经办人。")
        done.append("closed")
    return done


def build_evaluation_demo(admin: User, log: Callable[[str], None]) -> None:
    seed_default_lists(BadReviewReason, SurveyQuestion)  # the lists of migration 0002 (a flush empties them)
    reasons = list(BadReviewReason.objects.filter(is_active=True))
    leader = User.objects.filter(username="center_leader").first()
    invitations = list(
        Invitation.objects.select_related("project", "officer__user").order_by("pk")[: len(LEVELS)]
    )
    given: list[Evaluation] = []
    for invitation, level in zip(invitations, LEVELS, strict=False):
        evaluation = _evaluate(invitation, level, reasons)
        if evaluation is not None:
            given.append(evaluation)
    steps = _follow_ups(admin, leader, [e for e in given if e.is_bad])
    planned = visits_plan()
    in_service = Project.objects.filter(service_ended_at__isnull=True, assignments__is_active=True).distinct()
    for project in in_service.order_by("pk")[:4]:
        visit_plan_manual(actor=admin, project=project)
        planned += 1
    questions = list(SurveyQuestion.objects.filter(is_active=True))
    recorded = 0
    for visit in ReturnVisit.objects.filter(state="planned").order_by("pk")[:2]:
        answers: dict[Any, Any] = {q.pk: 5 - (i % 2) for i, q in enumerate(questions)}
        visit_record(
            actor=admin,
            visit_id=visit.pk,
            visited_on=timezone.localdate() - dt.timedelta(days=1),
            method="phone",
            spoken_to="项目单位经办人",
            answers=answers,
            issues="希望加快施工许可阶段的并联审批。" if recorded == 0 else "",
        )
        recorded += 1
    log(
        f"evaluation: {len(given)} evaluations on {len(invitations)} invitations, "
        f"follow-ups {steps}, {planned} return visits planned, {recorded} recorded"
    )
