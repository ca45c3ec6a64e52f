"""One item, one guide (Art. 5): assigning guides, and the propose → register (备案) flow for changes."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record, snapshot
from liaison.catalogue.models import ApprovalItem, GuideAssignment, GuideChange, GuideChangeStatus
from liaison.catalogue.policies import (
    can_assign_guide,
    can_cancel_guide_change,
    can_propose_guide_change,
    can_register_guide_change,
)
from liaison.catalogue.services import guide_notices
from liaison.catalogue.signals import guide_assignment_changed
from liaison.core.errors import Conflict, DomainError, PermissionDenied
from liaison.directory.models import User
from liaison.directory.roles import Role

CHANGE_FIELDS = ("item", "previous_guide", "new_guide", "effective_date", "reason", "status", "decision_note")


def _clean_text(value: str, *, field: str, required_message: str) -> str:
    text = (value or "").strip()
    if not text:
        raise DomainError(required_message, field=field)
    if len(text) > 300:
        raise DomainError(_("内容过长，最多 %(n)s 个字符。") % {"n": 300}, field=field)
    return text


def _lock_item(item: ApprovalItem) -> ApprovalItem:
    """Lock the item row: every guide change of one item runs one at a time."""
    locked = ApprovalItem.objects.select_for_update(no_key=True).get(pk=item.pk)
    if not locked.is_active:
        raise DomainError(_("事项“%(i)s”已停用，不能变更指导员。") % {"i": locked.name})
    return locked


def _check_new_guide(*, item: ApprovalItem, guide: User | None, effective_date: datetime.date) -> None:
    """The new guide holds the guide role, works in the item's department and is not already in post."""
    if guide is None:
        raise DomainError(_("请选择新任指导员。"), field="new_guide")
    if not isinstance(effective_date, datetime.date):
        raise DomainError(_("请填写生效日期。"), field="effective_date")
    if not guide.is_active:
        raise DomainError(_("%(g)s 的账号已停用。") % {"g": guide.display_name}, field="new_guide")
    if not guide.has_role(Role.GUIDE):
        raise DomainError(
            _("%(g)s 不是专职指导员，请先为其开通指导员角色。") % {"g": guide.display_name}, field="new_guide"
        )
    if guide.department_id != item.department_id:
        raise DomainError(
            _("新任指导员应为本事项实施部门（%(d)s）的工作人员。") % {"d": item.department.name},
            field="new_guide",
        )
    current = GuideAssignment.objects.filter(item=item, is_active=True).first()
    if current is not None and current.guide_id == guide.pk:
        raise DomainError(_("%(g)s 已是该事项的在任指导员。") % {"g": guide.display_name}, field="new_guide")
    if current is not None and effective_date < current.start_date:
        raise DomainError(
            _("生效日期不能早于现任指导员的任职日期（%(d)s）。") % {"d": current.start_date.isoformat()},
            field="effective_date",
        )


def _refuse_if_open_change(item: ApprovalItem) -> None:
    if GuideChange.objects.filter(item=item, status=GuideChangeStatus.PROPOSED).exists():
        raise Conflict(_("该事项已有待登记的指导员变更，请先登记、退回或撤回。"))


def _apply(*, actor: User, item: ApprovalItem, change: GuideChange) -> None:
    """End the active assignment on the effective date and start the new guide's (history kept)."""
    current = GuideAssignment.objects.select_for_update().filter(item=item, is_active=True).first()
    change.previous_guide = current.guide if current else None
    if current is not None:
        before = snapshot(current, ["is_active", "end_date"])
        current.is_active = False
        current.end_date = change.effective_date
        current.save(update_fields=["is_active", "end_date"])
        audit_record(
            actor=actor,
            action="guide_assignment.end",
            obj=current,
            before=before,
            after=snapshot(current, ["is_active", "end_date"]),
            summary=_("指导员离任：%(g)s（%(i)s）") % {"g": current.guide, "i": item.code},
        )
    try:
        with transaction.atomic():
            assignment = GuideAssignment.objects.create(
                item=item, guide=change.new_guide, start_date=change.effective_date
            )
    except IntegrityError:
        raise Conflict(_("该事项的指导员刚被他人变更，请刷新后重试。")) from None
    audit_record(
        actor=actor,
        action="guide_assignment.start",
        obj=assignment,
        after=snapshot(assignment, ["item", "guide", "start_date", "is_active"]),
        summary=_("指导员任职：%(g)s（%(i)s）") % {"g": change.new_guide, "i": item.code},
    )
    guide_assignment_changed.send(
        sender=GuideAssignment,
        item=item,
        previous_guide=change.previous_guide,
        new_guide=change.new_guide,
        actor=actor,
    )


def guide_assign(
    *, actor: User, item: ApprovalItem, guide: User, effective_date: datetime.date, reason: str
) -> GuideChange:
    """The centre sets an item's guide directly; the change is recorded as registered (备案)."""
    if not can_assign_guide(actor, item):
        raise PermissionDenied(_("只有政务服务中心工作人员可以直接调整指导员。"))
    reason = _clean_text(reason, field="reason", required_message=_("请填写变更原因。"))
    with transaction.atomic():
        locked = _lock_item(item)
        _refuse_if_open_change(locked)
        _check_new_guide(item=locked, guide=guide, effective_date=effective_date)
        change = GuideChange(
            item=locked,
            new_guide=guide,
            effective_date=effective_date,
            reason=reason,
            status=GuideChangeStatus.REGISTERED,
            proposed_by=actor,
            decided_by=actor,
            decided_at=timezone.now(),
        )
        _apply(actor=actor, item=locked, change=change)
        change.save()
        audit_record(
            actor=actor,
            action="guide_change.assign",
            obj=change,
            after=snapshot(change, CHANGE_FIELDS),
            summary=_("中心调整指导员：%(i)s → %(g)s") % {"i": locked.code, "g": guide},
        )
        guide_notices.notify_applied(change, actor=actor)
    return change


def guide_change_propose(
    *, actor: User, item: ApprovalItem, new_guide: User, effective_date: datetime.date, reason: str
) -> GuideChange:
    """The item's department reports a new guide; the centre registers it later (Art. 5)."""
    if not can_propose_guide_change(actor, item):
        raise PermissionDenied(_("只有本部门管理员或政务服务中心可以提出指导员变更。"))
    reason = _clean_text(reason, field="reason", required_message=_("请填写变更原因。"))
    with transaction.atomic():
        locked = _lock_item(item)
        _refuse_if_open_change(locked)
        _check_new_guide(item=locked, guide=new_guide, effective_date=effective_date)
        current = GuideAssignment.objects.filter(item=locked, is_active=True).select_related("guide").first()
        try:
            with transaction.atomic():
                change = GuideChange.objects.create(
                    item=locked,
                    previous_guide=current.guide if current else None,
                    new_guide=new_guide,
                    effective_date=effective_date,
                    reason=reason,
                    proposed_by=actor,
                )
        except IntegrityError:
            raise Conflict(_("该事项已有待登记的指导员变更，请刷新后查看。")) from None
        audit_record(
            actor=actor,
            action="guide_change.propose",
            obj=change,
            after=snapshot(change, CHANGE_FIELDS),
            summary=_("提出指导员变更：%(i)s → %(g)s") % {"i": locked.code, "g": new_guide},
        )
        guide_notices.notify_proposed(change, actor=actor)
    return change


def guide_change_submit(
    *, actor: User, item: ApprovalItem, new_guide: User, effective_date: datetime.date, reason: str
) -> GuideChange:
    """The centre applies a change at once; a department admin proposes it for registration."""
    if can_assign_guide(actor, item):
        return guide_assign(
            actor=actor, item=item, guide=new_guide, effective_date=effective_date, reason=reason
        )
    return guide_change_propose(
        actor=actor, item=item, new_guide=new_guide, effective_date=effective_date, reason=reason
    )


def _lock_open_change(change: GuideChange) -> GuideChange:
    """Re-read the change under lock; a change somebody else already decided is a lost race."""
    fresh = (
        GuideChange.objects.select_for_update(of=("self",))
        .select_related("item__department")
        .get(pk=change.pk)
    )
    if fresh.status != GuideChangeStatus.PROPOSED:
        raise Conflict(_("该变更已被处理（%(s)s），请刷新页面查看。") % {"s": fresh.get_status_display()})
    return fresh


def guide_change_register(*, actor: User, change: GuideChange, note: str = "") -> GuideChange:
    """The centre registers (备案) a proposal, which takes effect like a direct assignment."""
    if not actor.has_role(Role.CENTER_ADMIN):
        raise PermissionDenied(_("只有政务服务中心工作人员可以登记备案指导员变更。"))
    note = (note or "").strip()[:300]
    with transaction.atomic():
        locked_item = _lock_item(change.item)
        fresh = _lock_open_change(change)
        if not can_register_guide_change(actor, fresh):
            raise PermissionDenied(_("只有政务服务中心工作人员可以登记备案指导员变更。"))
        _check_new_guide(item=locked_item, guide=fresh.new_guide, effective_date=fresh.effective_date)
        before = snapshot(fresh, CHANGE_FIELDS)
        _apply(actor=actor, item=locked_item, change=fresh)
        fresh.status = GuideChangeStatus.REGISTERED
        fresh.decided_by = actor
        fresh.decided_at = timezone.now()
        fresh.decision_note = note
        fresh.save()
        audit_record(
            actor=actor,
            action="guide_change.register",
            obj=fresh,
            before=before,
            after=snapshot(fresh, CHANGE_FIELDS),
            summary=_("登记备案指导员变更：%(i)s → %(g)s") % {"i": locked_item.code, "g": fresh.new_guide},
        )
        guide_notices.notify_applied(fresh, actor=actor)
    return fresh


def guide_change_reject(*, actor: User, change: GuideChange, note: str) -> GuideChange:
    """The centre returns a proposal to the department, saying why."""
    if not actor.has_role(Role.CENTER_ADMIN):
        raise PermissionDenied(_("只有政务服务中心工作人员可以退回指导员变更。"))
    note = _clean_text(note, field="note", required_message=_("请填写退回理由。"))
    with transaction.atomic():
        ApprovalItem.objects.select_for_update(no_key=True).get(pk=change.item_id)
        fresh = _lock_open_change(change)
        before = snapshot(fresh, CHANGE_FIELDS)
        fresh.status = GuideChangeStatus.REJECTED
        fresh.decided_by = actor
        fresh.decided_at = timezone.now()
        fresh.decision_note = note
        fresh.save()
        audit_record(
            actor=actor,
            action="guide_change.reject",
            obj=fresh,
            before=before,
            after=snapshot(fresh, CHANGE_FIELDS),
            summary=_("退回指导员变更：%(i)s") % {"i": fresh.item.code},
        )
        guide_notices.notify_rejected(fresh, actor=actor)
    return fresh


def guide_change_cancel(*, actor: User, change: GuideChange) -> GuideChange:
    """The proposer withdraws its open proposal."""
    with transaction.atomic():
        ApprovalItem.objects.select_for_update(no_key=True).get(pk=change.item_id)
        fresh = _lock_open_change(change)
        if not can_cancel_guide_change(actor, fresh):
            raise PermissionDenied(_("只有提出人可以撤回该变更。"))
        before = snapshot(fresh, CHANGE_FIELDS)
        fresh.status = GuideChangeStatus.CANCELLED
        fresh.decided_by = actor
        fresh.decided_at = timezone.now()
        fresh.save()
        audit_record(
            actor=actor,
            action="guide_change.cancel",
            obj=fresh,
            before=before,
            after=snapshot(fresh, CHANGE_FIELDS),
            summary=_("撤回指导员变更：%(i)s") % {"i": fresh.item.code},
        )
        guide_notices.notify_cancelled(fresh, actor=actor)
    return fresh
