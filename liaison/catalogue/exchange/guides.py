"""The guide of one item as an import sets it: the person (created if new) and the dated assignment."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record, snapshot
from liaison.catalogue.exchange.plan import GuidePlan
from liaison.catalogue.models import ApprovalItem, GuideAssignment, GuideChange, GuideChangeStatus
from liaison.directory.models import User
from liaison.directory.roles import Role
from liaison.directory.services.roles import role_grant

USER_FIELDS = ("username", "full_name", "department", "post", "office_phone", "mobile")
CONTACT_FIELDS = ("full_name", "post", "office_phone", "mobile")
ASSIGNMENT_FIELDS = ("item", "guide", "start_date", "end_date", "is_active")
CHANGE_FIELDS = ("item", "previous_guide", "new_guide", "effective_date", "reason", "status")
SOURCE = {"source": "catalogue_import"}


def _guide_user_ensure(*, actor: Any, entry: GuidePlan, item: ApprovalItem, counts: Counter[str]) -> User:
    """The guide's account: created with the guide role and the item's department when new;
    otherwise its contacts are brought up to date (blank cells keep what is stored)."""
    user = User.objects.select_for_update().filter(username=entry.username).first()
    if user is None:
        user = User.objects.create_user(
            username=entry.username,
            password=None,  # unusable until the centre sets one
            full_name=entry.full_name,
            post=entry.post,
            office_phone=entry.office_phone,
            mobile=entry.mobile,
            department=item.department,
        )
        role_grant(user=user, roles=[Role.GUIDE])
        audit_record(
            actor=actor,
            action="user.create",
            obj=user,
            after=snapshot(user, USER_FIELDS),
            summary=_("目录导入：新建指导员账号 %(u)s") % {"u": user.username},
            extra={**SOURCE, "roles": [Role.GUIDE]},
        )
        counts["users_created"] += 1
        return user
    before = snapshot(user, USER_FIELDS)
    for name in CONTACT_FIELDS:
        value = getattr(entry, name)
        if value:
            setattr(user, name, value)
    if user.department_id is None:
        user.department = item.department
    after = snapshot(user, USER_FIELDS)
    granted = Role.GUIDE not in user.role_set
    if before != after or granted:
        user.save()
        if granted:
            role_grant(user=user, roles=[Role.GUIDE])
        audit_record(
            actor=actor,
            action="user.update",
            obj=user,
            before=before,
            after=after,
            summary=_("目录导入：更新指导员 %(u)s 的信息") % {"u": user.username},
            extra={**SOURCE, "roles_granted": [Role.GUIDE] if granted else []},
        )
        counts["users_updated"] += 1
    return user


def _change_register(
    *, actor: Any, item: ApprovalItem, previous: User | None, new: User, start: dt.date, reason: str
) -> None:
    """Record the change as registered (备案) by the centre, as a direct change on the item's page is."""
    change = GuideChange.objects.create(
        item=item,
        previous_guide=previous,
        new_guide=new,
        effective_date=start,
        reason=reason[:300],
        status=GuideChangeStatus.REGISTERED,
        proposed_by=actor,
        decided_by=actor,
        decided_at=timezone.now(),
    )
    audit_record(
        actor=actor,
        action="guide_change.import",
        obj=change,
        after=snapshot(change, CHANGE_FIELDS),
        summary=_("目录导入登记指导员变更：%(i)s → %(g)s") % {"i": item.code, "g": new.display_name},
        extra=SOURCE,
    )


def guide_apply(
    *, actor: Any, item: ApprovalItem, entry: GuidePlan, today: dt.date, reason: str, counts: Counter[str]
) -> None:
    """Make `entry`'s person the item's active guide, ending the previous assignment (history kept)."""
    user = _guide_user_ensure(actor=actor, entry=entry, item=item, counts=counts)
    current = GuideAssignment.objects.select_for_update().filter(item=item, is_active=True).first()
    if current is not None and current.guide_id == user.pk:
        return
    start = entry.start_date or today
    if current is not None:
        before = snapshot(current, ASSIGNMENT_FIELDS)
        current.is_active = False
        current.end_date = max(start, current.start_date)
        current.save(update_fields=["is_active", "end_date"])
        audit_record(
            actor=actor,
            action="guide_assignment.end",
            obj=current,
            before=before,
            after=snapshot(current, ASSIGNMENT_FIELDS),
            summary=_("目录导入：%(item)s 的指导员 %(name)s 离任")
            % {"item": item.name, "name": current.guide.display_name},
            extra=SOURCE,
        )
    assignment = GuideAssignment.objects.create(item=item, guide=user, start_date=start, is_active=True)
    audit_record(
        actor=actor,
        action="guide_assignment.create",
        obj=assignment,
        after=snapshot(assignment, ASSIGNMENT_FIELDS),
        summary=_("目录导入：%(name)s 任 %(item)s 的指导员") % {"item": item.name, "name": user.display_name},
        extra=SOURCE,
    )
    _change_register(
        actor=actor,
        item=item,
        previous=current.guide if current else None,
        new=user,
        start=start,
        reason=reason,
    )
    counts["guides_changed" if current is not None else "guides_assigned"] += 1
