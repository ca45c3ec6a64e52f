"""Actions a progress meeting assigns (督办事项, Art. 17 "协调推进"): the centre assigns who does what by
when; the person responsible (or the centre) records it done; reminders as the deadline nears and passes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record, snapshot
from liaison.coordination.deadline_kinds import ACTION
from liaison.coordination.models import Meeting, MeetingAction, MeetingActionState
from liaison.coordination.policies import (
    ACTION_OWNER_ROLES,
    can_complete_action,
    can_manage_meetings,
    can_see_action,
)
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.deadlines.lights import Light, LightContext
from liaison.deadlines.models import Threshold
from liaison.deadlines.schedule import Crossing
from liaison.deadlines.services.reminders import Reminder, reminders_send
from liaison.directory.models import User
from liaison.directory.roles import Role
from liaison.intake.people import centre_admins
from liaison.notifications.services.notify import notification_send
from liaison.tracking.people import Audiences
from liaison.tracking.services.common import clean_text

FIELDS = ["description", "owner", "due_on", "state", "difficulty", "done_note"]


def action_assign(
    *,
    actor: Any,
    meeting: Meeting,
    description: str,
    owner: User | None,
    due_on: Any,
    difficulty_id: int | None = None,
) -> MeetingAction:
    """The centre records an action of the meeting and tells the person responsible."""
    if not can_manage_meetings(actor):
        raise PermissionDenied(_("只有政务服务中心工作人员可以布置督办事项。"))
    description = clean_text(description, field="description", label=_("督办事项"), required=True)
    if owner is None or not owner.is_active or not owner.has_role(*ACTION_OWNER_ROLES):
        raise DomainError(_("请选择在岗的责任人（中心、联络官、指导员、部门或项目办人员）。"), field="owner")
    if not isinstance(due_on, dt.date) or isinstance(due_on, dt.datetime):
        raise DomainError(_("请填写完成时限。"), field="due_on")
    if due_on < max(meeting.held_on, timezone.localdate()):
        raise DomainError(_("完成时限不能早于会议日期或今天。"), field="due_on")
    if difficulty_id is not None and not meeting.topics.filter(difficulty_id=difficulty_id).exists():
        raise DomainError(_("所选难点问题不是本次例会的议题。"), field="difficulty")
    with transaction.atomic():
        action = MeetingAction.objects.create(
            meeting=meeting, description=description, owner=owner, due_on=due_on, difficulty_id=difficulty_id
        )
        audit_record(
            actor=actor,
            action="meeting.action_assign",
            obj=action,
            after=snapshot(action, FIELDS),
            summary=_("布置督办事项：%(d)s（%(o)s，%(due)s 前）")
            % {"d": description[:60], "o": owner.display_name, "due": due_on.isoformat()},
        )
        notification_send(
            recipients=[owner] if owner.pk != actor.pk else [],
            kind="meeting.action",
            event_key=f"meeting-action:{action.pk}:assigned",
            title=_("例会督办事项：%(d)s") % {"d": description[:40]},
            body=_("%(m)s 布置：%(d)s。请于 %(due)s 前完成并登记完成情况。")
            % {"m": meeting.title, "d": description, "due": due_on.isoformat()},
            url="/coordination/actions/",
        )
    return action


def action_complete(*, actor: Any, action: MeetingAction, note: str) -> MeetingAction:
    """The person responsible (or the centre) records what was done."""
    note = clean_text(note, field="note", label=_("完成情况"), required=True)
    with transaction.atomic():
        locked = (
            MeetingAction.objects.select_for_update().select_related("meeting", "owner").get(pk=action.pk)
        )
        if not can_see_action(actor, locked):
            raise NotFound(_("督办事项不存在或您无权查看。"))
        if not can_complete_action(actor, locked):
            raise PermissionDenied(_("只有责任人或中心可以登记完成情况。"))
        if locked.state == MeetingActionState.DONE:
            raise DomainError(_("该督办事项已登记完成。"))
        before = snapshot(locked, FIELDS)
        locked.state, locked.done_note, locked.done_at, locked.done_by = (
            MeetingActionState.DONE,
            note,
            timezone.now(),
            actor,
        )
        locked.save(update_fields=["state", "done_note", "done_at", "done_by"])
        audit_record(
            actor=actor,
            action="meeting.action_done",
            obj=locked,
            before=before,
            after=snapshot(locked, FIELDS),
            summary=_("督办事项完成：%(d)s") % {"d": locked.description[:60]},
        )
        notification_send(
            recipients=[u for u in centre_admins() if u.pk != actor.pk],
            kind="meeting.action_done",
            event_key=f"meeting-action:{locked.pk}:done",
            title=_("督办事项已完成：%(d)s") % {"d": locked.description[:40]},
            body=note[:300],
            url=f"/coordination/meetings/{locked.meeting_id}/",
        )
    return locked


def _action_reminder(action: MeetingAction, at: Crossing, audiences: Audiences) -> Reminder:
    light = Light.YELLOW if at.threshold == Threshold.YELLOW else Light.RED
    title = _("督办事项已超期：%(d)s") if light == Light.RED else _("督办事项即将到期：%(d)s")
    # repeats while overdue carry their number in the key; the first yellow and red keep the old keys
    step = "" if at.repeat_no == 0 else f":{at.repeat_no}"
    return Reminder(
        # an owner who has left: the centre hears of it, so that it can reassign the action
        recipients=[action.owner] if action.owner.is_active else audiences.role_holders(Role.CENTER_ADMIN),
        message_kind=f"meeting.action_reminder.{light}",
        event_key=f"meeting-action-reminder:{action.pk}:{light}:{at.due_on.isoformat()}{step}",
        title=title % {"d": action.description[:40]},
        body=_("%(m)s 布置的督办事项完成时限为 %(due)s。")
        % {"m": action.meeting.title, "due": at.due_on.isoformat()},
        url="/coordination/actions/",
    )


def action_reminders_run(ctx: LightContext) -> int:
    """Remind the person responsible of open actions due soon or overdue: once when near, once when late,
    then every N working days overdue (the deadline engine's schedule)."""
    due = list(
        MeetingAction.objects.filter(state=MeetingActionState.OPEN, due_on__lte=ctx.yellow_limit)
        .select_related("owner", "meeting")
        .order_by("pk")
    )
    audiences = Audiences()  # the centre's admins asked once per run, not once per action
    return reminders_send(
        kind=ACTION.code,
        subjects=due,
        due_on=lambda a: a.due_on,
        today=ctx.today,
        compose=lambda a, at: _action_reminder(a, at, audiences),
    ).sent
