"""The business track (业务问题): the centre registers and names an investigator, asks the department
concerned to cooperate (its admin answers), replies with the finding and measures; the complainant
records satisfaction and, once dissatisfied, may ask the centre's leader for a review."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.complaints.models import (
    BusinessState,
    Complaint,
    Cooperation,
    CooperationKind,
    Finding,
    Satisfaction,
    Track,
)
from liaison.complaints.policies import can_answer_cooperation
from liaison.complaints.services.common import due_after, lock, record, step, tell
from liaison.complaints.settings_row import complaint_settings
from liaison.core.bounds import id_or_none
from liaison.core.errors import DomainError, NotFound
from liaison.directory.models import Department, User
from liaison.directory.people import centre_admins, centre_leaders, department_admins
from liaison.directory.roles import Role
from liaison.tracking.services.common import clean_text

T = Track.BUSINESS


def complaint_register(*, actor: Any, complaint_id: int, investigator_id: Any) -> Complaint:
    pk = id_or_none(investigator_id)
    investigator = (
        User.objects.filter(
            pk=pk or 0, is_active=True, memberships__role__in=[Role.CENTER_ADMIN, Role.CENTER_LEADER]
        ).first()
        if pk
        else None
    )
    if investigator is None:
        raise DomainError(_("请指定调查人（中心工作人员）。"), field="investigator")
    with transaction.atomic():
        complaint, roles = lock(actor, complaint_id, T)
        previous = step(complaint, "register", actor=actor, roles=roles)
        complaint.registered_at, complaint.registered_by = timezone.now(), actor
        complaint.investigator = investigator
        complaint.save()
        record(complaint, "register", actor=actor, before={"state": previous})
        tell(
            [investigator],
            complaint,
            "register",
            _("您被指定为投诉 %(n)s 的调查人。") % {"n": complaint.number},
            actor=actor,
        )
    return complaint


def cooperation_request(*, actor: Any, complaint_id: int, department_id: Any, request: Any) -> Cooperation:
    request = clean_text(request, field="request", label=_("协助事项"), required=True, limit=2000)
    department = Department.objects.filter(pk=id_or_none(department_id) or 0, is_active=True).first()
    if department is None:
        raise DomainError(_("请选择协助调查的部门。"), field="department")
    with transaction.atomic():
        complaint, roles = lock(actor, complaint_id, T)
        if Role.CENTER_ADMIN not in roles:
            raise DomainError(_("只有中心工作人员可以请部门协助调查。"))
        if complaint.state != BusinessState.INVESTIGATING:
            raise DomainError(_("投诉登记后、答复前才能请部门协助调查。"))
        cooperation = Cooperation.objects.create(
            complaint=complaint,
            kind=CooperationKind.DEPARTMENT,
            department=department,
            request=request,
            due_on=due_after(complaint_settings().cooperation_days),
            requested_by=actor,
        )
        record(complaint, "cooperation_request", actor=actor)
        tell(
            department_admins(department.pk),
            complaint,
            f"cooperation:{cooperation.pk}",
            _("中心请贵部门协助调查投诉 %(n)s。") % {"n": complaint.number},
            actor=actor,
        )
    return cooperation


def cooperation_answer(*, actor: Any, cooperation_id: int, answer: Any) -> Cooperation:
    answer = clean_text(answer, field="answer", label=_("答复情况"), required=True, limit=4000)
    with transaction.atomic():
        cooperation = (
            Cooperation.objects.select_for_update()
            .filter(pk=cooperation_id, kind=CooperationKind.DEPARTMENT, complaint__track=T)
            .first()
        )
        if cooperation is None or not can_answer_cooperation(actor, cooperation.department_id):
            raise NotFound(_("协助调查请求不存在或您无权查看。"))
        if cooperation.answered_at is not None:
            raise DomainError(_("该协助调查请求已经答复。"))
        complaint = Complaint.objects.select_for_update().get(pk=cooperation.complaint_id)
        if complaint.state != BusinessState.INVESTIGATING:
            raise DomainError(_("该投诉已不在调查阶段，无需再答复。"))
        cooperation.answer, cooperation.answered_by = answer, actor
        cooperation.answered_at = timezone.now()
        cooperation.save()
        record(complaint, "cooperation_answer", actor=actor)
        tell(
            [complaint.investigator, *centre_admins()],
            complaint,
            f"cooperation:{cooperation.pk}:answered",
            _("部门已答复投诉 %(n)s 的协助调查。") % {"n": complaint.number},
            actor=actor,
        )
    return cooperation


def complaint_reply(*, actor: Any, complaint_id: int, finding: Any, measures: Any, reply: Any) -> Complaint:
    if finding not in Finding.values:
        raise DomainError(_("请选择调查结论（属实、部分属实或不属实）。"), field="finding")
    measures = clean_text(
        measures, field="measures", label=_("处理措施"), required=finding != "not_substantiated"
    )
    reply = clean_text(reply, field="reply", label=_("答复意见"), required=True, limit=4000)
    with transaction.atomic():
        complaint, roles = lock(actor, complaint_id, T)
        previous = step(complaint, "reply", actor=actor, roles=roles)
        complaint.finding, complaint.measures, complaint.reply = finding, measures, reply
        complaint.concluded_at, complaint.due_on = timezone.now(), None
        complaint.save()
        record(complaint, "reply", actor=actor, before={"state": previous})
        tell(
            [complaint.complainant_user],
            complaint,
            "reply",
            _("您的投诉 %(n)s 已答复，请评价办理结果。") % {"n": complaint.number},
            actor=actor,
        )
    return complaint


def complaint_rate(*, actor: Any, complaint_id: int, satisfaction: Any) -> Complaint:
    if satisfaction not in Satisfaction.values:
        raise DomainError(_("请选择对办理结果的满意程度。"), field="satisfaction")
    with transaction.atomic():
        complaint, roles = lock(actor, complaint_id, T)
        previous = step(complaint, "rate", actor=actor, roles=roles)
        complaint.satisfaction, complaint.rated_at = satisfaction, timezone.now()
        complaint.save()
        record(complaint, "rate", actor=actor, before={"state": previous})
    return complaint


def complaint_request_review(*, actor: Any, complaint_id: int, reason: Any) -> Complaint:
    reason = clean_text(reason, field="reason", label=_("复核申请理由"), required=True, limit=2000)
    with transaction.atomic():
        complaint, roles = lock(actor, complaint_id, T)
        if complaint.satisfaction != Satisfaction.DISSATISFIED:
            raise DomainError(_("只有对办理结果不满意时才能申请复核。"))
        previous = step(complaint, "request_review", actor=actor, roles=roles)
        complaint.review_reason, complaint.review_requested_at = reason, timezone.now()
        complaint.save()
        record(complaint, "request_review", actor=actor, before={"state": previous})
        tell(
            centre_leaders(),
            complaint,
            "request_review",
            _("投诉 %(n)s 的投诉人申请复核。") % {"n": complaint.number},
            actor=actor,
        )
    return complaint


def complaint_review(*, actor: Any, complaint_id: int, conclusion: Any) -> Complaint:
    conclusion = clean_text(conclusion, field="conclusion", label=_("复核结论"), required=True, limit=4000)
    with transaction.atomic():
        complaint, roles = lock(actor, complaint_id, T)
        previous = step(complaint, "review", actor=actor, roles=roles)
        complaint.review_conclusion, complaint.reviewed_by = conclusion, actor
        complaint.reviewed_at = timezone.now()
        complaint.save()
        record(complaint, "review", actor=actor, before={"state": previous})
        tell(
            [complaint.complainant_user, complaint.investigator],
            complaint,
            "review",
            _("投诉 %(n)s 已复核。") % {"n": complaint.number},
            actor=actor,
        )
    return complaint
