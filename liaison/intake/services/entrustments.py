"""The entrustment request as the enterprise drafts, submits and withdraws it (Art. 7, 8)."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.catalogue.models import ApprovalItem
from liaison.catalogue.stages import Stage
from liaison.core.errors import Conflict, DomainError
from liaison.intake.eligibility import eligibility_evaluate
from liaison.intake.models import (
    Entrustment,
    EntrustmentScope,
    EntrustmentStatus,
    Project,
)
from liaison.intake.people import centre_admins
from liaison.intake.policies import can_act_as_applicant, is_enterprise_member
from liaison.intake.services.entrustment_steps import (
    lock_entrustment,
    move_entrustment,
    notify_step,
)
from liaison.intake.services.guard import authorize_entrustment, authorize_project
from liaison.intake.workflows import ENTRUSTMENT_WORKFLOW

EDITABLE = (EntrustmentStatus.DRAFT, EntrustmentStatus.RETURNED)
MAX_NOTES = 2000


def _item_pks(item_ids: list[Any]) -> set[int]:
    try:
        return {int(pk) for pk in item_ids}
    except (TypeError, ValueError) as exc:
        raise DomainError(_("所选事项无效，请重新选择。"), field="items") from exc


def _resolve_scope(
    scope: str, stages: list[str], item_ids: list[Any]
) -> tuple[list[str], list[ApprovalItem]]:
    """Full: all four stages. Partial: the chosen stages and items, and the stages of those items."""
    if scope not in EntrustmentScope.values:
        raise DomainError(_("请选择全程委托或部分委托。"), field="scope")
    if scope == EntrustmentScope.FULL:
        return list(Stage.values), []
    pks = _item_pks(item_ids)
    unknown_stages = [s for s in stages if s not in Stage.values]
    if unknown_stages:
        raise DomainError(_("审批阶段取值无效：%(s)s") % {"s": "、".join(unknown_stages)}, field="stages")
    items = list(ApprovalItem.objects.filter(pk__in=pks, is_active=True))
    if len(items) != len(pks):
        raise DomainError(_("所选事项中有不存在或已停用的事项，请重新选择。"), field="items")
    if not stages and not items:
        raise DomainError(_("部分委托请至少选择一个审批阶段或一个事项。"), field="stages")
    chosen = set(stages) | {item.stage for item in items}
    return [s for s in Stage.values if s in chosen], items


def _create_draft(
    *, actor: Any, project: Project, scope: str, stages: list[str], item_ids: list[Any], notes: str
) -> tuple[Entrustment, list[ApprovalItem]]:
    """A new draft for a project with no live request (a rejected or withdrawn one may be followed by another,
    and a concluded service by a new entrustment that continues it: 续办)."""
    locked = Project.objects.select_for_update().get(pk=project.pk)
    authorize_project(
        actor,
        locked,
        allowed=is_enterprise_member(actor, locked),
        message=_("只有本项目单位可以提出委托申请。"),
    )
    live = locked.entrustments.exclude(
        status__in=[EntrustmentStatus.REJECTED, EntrustmentStatus.WITHDRAWN, EntrustmentStatus.CONCLUDED]
    )
    current = live.first()
    if current is not None:
        raise DomainError(
            _("该项目已有进行中的委托申请（%(s)s），不能重复申请。") % {"s": current.get_status_display()}
        )
    stage_list, items = _resolve_scope(scope, stages, item_ids)
    try:
        with transaction.atomic():
            created = Entrustment.objects.create(
                project=locked, scope=scope, stages=stage_list, notes=notes, created_by=actor
            )
            return created, items
    except IntegrityError as exc:  # the partial unique index: a request created in the meantime
        raise Conflict(_("该项目刚刚已有委托申请，请刷新后查看。")) from exc


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
    notes = (notes or "").strip()
    if len(notes) > MAX_NOTES:
        raise DomainError(_("委托说明不能超过 %(n)d 个字。") % {"n": MAX_NOTES}, field="notes")
    with transaction.atomic():
        if entrustment is None:
            locked, items = _create_draft(
                actor=actor,
                project=project,
                scope=scope,
                stages=list(stages or []),
                item_ids=list(item_ids or []),
                notes=notes,
            )
            action, before = "entrustment.create", None
        else:
            locked = lock_entrustment(entrustment)
            authorize_entrustment(
                actor,
                locked,
                allowed=can_act_as_applicant(actor, locked),
                message=_("只有本项目单位可以修改委托申请。"),
            )
            if locked.status not in EDITABLE:
                raise DomainError(_("申请当前为“%(s)s”，不能修改。") % {"s": locked.get_status_display()})
            stage_list, items = _resolve_scope(scope, list(stages or []), list(item_ids or []))
            before = _scope_state(locked, sorted(locked.items.values_list("code", flat=True)))
            locked.scope, locked.stages, locked.notes = scope, stage_list, notes
            locked.save(update_fields=["scope", "stages", "notes"])
            action = "entrustment.update"
        locked.items.set(items)
        audit_record(
            actor=actor,
            action=action,
            obj=locked,
            before=before,
            after=_scope_state(locked, sorted(i.code for i in items)),
            summary=_("保存委托申请（%(scope)s）") % {"scope": locked.get_scope_display()},
        )
    return locked


def _scope_state(entrustment: Entrustment, item_codes: list[str]) -> dict[str, Any]:
    return {
        "scope": entrustment.scope,
        "stages": list(entrustment.stages),
        "items": item_codes,
        "notes": entrustment.notes,
    }


def entrustment_submit(
    *, actor: Any, entrustment: Entrustment, accept_terms: bool, ineligible_reason: str = ""
) -> Entrustment:
    """Submit for review: the free and voluntary terms must be accepted; Art. 8 is evaluated and recorded."""
    reason = (ineligible_reason or "").strip()
    with transaction.atomic():
        locked = lock_entrustment(entrustment)
        authorize_entrustment(
            actor,
            locked,
            allowed=can_act_as_applicant(actor, locked),
            message=_("只有本项目单位可以提交申请。"),
        )
        ENTRUSTMENT_WORKFLOW.check("submit", state=locked.status, roles=actor.role_set)
        if not accept_terms:
            raise DomainError(_("请阅读并同意“自愿委托、无偿代办”服务条款后再提交。"), field="accept_terms")
        now = timezone.now()
        result = eligibility_evaluate(project=locked.project, on=timezone.localdate(now))
        if not result.eligible and not reason:
            raise DomainError(
                _("项目不符合第八条代办范围的任何一项。如仍需申请，请填写申请理由，由中心决定是否受理。"),
                field="ineligible_reason",
            )
        if len(reason) > MAX_NOTES:
            raise DomainError(
                _("申请理由不能超过 %(n)d 个字。") % {"n": MAX_NOTES}, field="ineligible_reason"
            )
        previous = move_entrustment(locked, "submit", actor=actor, comment=reason)
        locked.eligibility = result.as_json()
        locked.ineligible_reason = reason if not result.eligible else ""
        locked.terms_accepted_at = now
        locked.submitted_at = now
        locked.save()
        audit_record(
            actor=actor,
            action="entrustment.submit",
            obj=locked,
            before={"status": previous},
            after={
                "status": locked.status,
                "eligible": result.eligible,
                "clauses": result.qualifying_clauses,
                "rates": result.rates,
            },
            summary=_("提交委托代办申请"),
        )
        notify_step(locked, "entrustment.submitted", centre_admins())
    return locked


def entrustment_withdraw(*, actor: Any, entrustment: Entrustment, reason: str = "") -> Entrustment:
    """The enterprise withdraws its request (a draft, or one not yet decided by the centre)."""
    reason = (reason or "").strip()
    with transaction.atomic():
        locked = lock_entrustment(entrustment)
        authorize_entrustment(
            actor,
            locked,
            allowed=can_act_as_applicant(actor, locked),
            message=_("只有本项目单位可以撤回申请。"),
        )
        previous = move_entrustment(locked, "withdraw", actor=actor, comment=reason)
        locked.save()
        audit_record(
            actor=actor,
            action="entrustment.withdraw",
            obj=locked,
            before={"status": previous},
            after={"status": locked.status},
            summary=_("撤回委托代办申请"),
        )
        if previous in (EntrustmentStatus.SUBMITTED, EntrustmentStatus.RETURNED):
            notify_step(locked, "entrustment.withdrawn", centre_admins(), comment=reason)
    return locked
