"""The entrustment request as the enterprise drafts, submits and withdraws it (Art. 7, 8)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.catalogue.models import ApprovalItem
from liaison.catalogue.stages import Stage
from liaison.core.errors import DomainError, PermissionDenied
from liaison.directory.roles import Role
from liaison.intake.eligibility import eligibility_evaluate
from liaison.intake.models import (
    Entrustment,
    EntrustmentScope,
    EntrustmentStatus,
    Project,
)
from liaison.intake.policies import can_act_as_applicant
from liaison.intake.services.entrustment_steps import (
    centre_admins,
    lock_entrustment,
    move_entrustment,
    notify_step,
)

EDITABLE = (EntrustmentStatus.DRAFT, EntrustmentStatus.RETURNED)


def _resolve_scope(
    scope: str, stages: list[str], item_ids: list[int]
) -> tuple[list[str], list[ApprovalItem]]:
    if scope not in EntrustmentScope.values:
        raise DomainError(_("请选择全程委托或部分委托。"), field="scope")
    if scope == EntrustmentScope.FULL:
        return list(Stage.values), []
    unknown_stages = [s for s in stages if s not in Stage.values]
    if unknown_stages:
        raise DomainError(_("审批阶段取值无效：%(s)s") % {"s": "、".join(unknown_stages)}, field="stages")
    items = list(ApprovalItem.objects.filter(pk__in=item_ids, is_active=True))
    if len(items) != len(set(item_ids)):
        raise DomainError(_("所选事项中有不存在或已停用的事项，请重新选择。"), field="items")
    if not stages and not items:
        raise DomainError(_("部分委托请至少选择一个审批阶段或一个事项。"), field="stages")
    chosen = set(stages) | {item.stage for item in items}
    return [s for s in Stage.values if s in chosen], items


def entrustment_save_draft(
    *,
    actor: Any,
    project: Project,
    scope: str,
    stages: list[str] | None = None,
    item_ids: list[int] | None = None,
    notes: str = "",
    entrustment: Entrustment | None = None,
) -> Entrustment:
    """Create or update the enterprise's draft (or a returned request being completed)."""
    stage_list, items = _resolve_scope(scope, list(stages or []), list(item_ids or []))
    with transaction.atomic():
        if entrustment is None:
            if not (actor.has_role(Role.APPLICANT) and actor.enterprise_id == project.enterprise_id):
                raise PermissionDenied(_("只有本项目单位可以提出委托申请。"))
            if project.entrustments.exclude(
                status__in=[EntrustmentStatus.REJECTED, EntrustmentStatus.WITHDRAWN]
            ).exists():
                raise DomainError(_("该项目已有进行中的委托申请，不能重复申请。"))
            locked = Entrustment.objects.create(
                project=project, scope=scope, stages=stage_list, notes=notes.strip(), created_by=actor
            )
            action = "entrustment.create"
        else:
            locked = lock_entrustment(entrustment)
            if not can_act_as_applicant(actor, locked):
                raise PermissionDenied(_("只有本项目单位可以修改委托申请。"))
            if locked.status not in EDITABLE:
                raise DomainError(_("申请当前为“%(s)s”，不能修改。") % {"s": locked.get_status_display()})
            locked.scope, locked.stages, locked.notes = scope, stage_list, notes.strip()
            locked.save(update_fields=["scope", "stages", "notes"])
            action = "entrustment.update"
        locked.items.set(items)
        audit_record(
            actor=actor,
            action=action,
            obj=locked,
            after={
                "scope": scope,
                "stages": stage_list,
                "items": sorted(i.code for i in items),
                "notes": locked.notes,
            },
            summary=_("保存委托申请（%(scope)s）") % {"scope": locked.get_scope_display()},
        )
    return locked


def entrustment_submit(
    *, actor: Any, entrustment: Entrustment, accept_terms: bool, ineligible_reason: str = ""
) -> Entrustment:
    """Submit for review: the free and voluntary terms must be accepted; Art. 8 is evaluated and recorded."""
    if not accept_terms:
        raise DomainError(_("请阅读并同意“自愿委托、无偿代办”服务条款后再提交。"), field="accept_terms")
    with transaction.atomic():
        locked = lock_entrustment(entrustment)
        if not can_act_as_applicant(actor, locked):
            raise PermissionDenied(_("只有本项目单位可以提交申请。"))
        now = timezone.now()
        result = eligibility_evaluate(project=locked.project, on=timezone.localdate(now))
        reason = (ineligible_reason or "").strip()
        if not result.eligible and not reason:
            raise DomainError(
                _("项目不符合第八条代办范围的任何一项。如仍需申请，请填写申请理由，由中心决定是否受理。"),
                field="ineligible_reason",
            )
        move_entrustment(locked, "submit", actor=actor, comment=reason)
        locked.eligibility = result.as_json()
        locked.ineligible_reason = reason if not result.eligible else ""
        locked.terms_accepted_at = now
        locked.submitted_at = now
        locked.save()
        audit_record(
            actor=actor,
            action="entrustment.submit",
            obj=locked,
            after={
                "status": locked.status,
                "eligible": result.eligible,
                "clauses": result.qualifying_clauses,
            },
            summary=_("提交委托代办申请"),
        )
        notify_step(locked, "entrustment.submitted", centre_admins())
    return locked


def entrustment_withdraw(*, actor: Any, entrustment: Entrustment, reason: str = "") -> Entrustment:
    """The enterprise withdraws its request before the centre has decided."""
    with transaction.atomic():
        locked = lock_entrustment(entrustment)
        if not can_act_as_applicant(actor, locked):
            raise PermissionDenied(_("只有本项目单位可以撤回申请。"))
        previous = move_entrustment(locked, "withdraw", actor=actor, comment=reason.strip())
        locked.save()
        audit_record(
            actor=actor,
            action="entrustment.withdraw",
            obj=locked,
            before={"status": previous},
            after={"status": locked.status},
            summary=_("撤回委托代办申请"),
        )
        if previous == EntrustmentStatus.SUBMITTED:
            notify_step(locked, "entrustment.withdrawn", centre_admins(), comment=reason.strip())
    return locked
