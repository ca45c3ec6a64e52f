"""Dispatching liaison officers to an accepted project, and changing them with a reason (Art. 7, 13)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.errors import Conflict, DomainError
from liaison.intake.messages import render_message
from liaison.intake.models import Assignment, AssignmentRole, EntrustmentStatus, Project
from liaison.intake.people import enterprise_users
from liaison.intake.policies import can_dispatch
from liaison.intake.services.guard import authorize_project
from liaison.intake.signals import assignment_team_changed
from liaison.notifications.services.notify import notification_send
from liaison.officers.models import Officer, OfficerStatus

MAX_ASSISTANTS = 4
MAX_REASON = 300


def _check_officers(lead: Officer | None, assistants: list[Officer]) -> list[Officer]:
    """The team, lead first, re-read under lock: each officer exists, is on duty and appears once."""
    if lead is None:
        raise DomainError(_("请选择主办联络官。"), field="lead")
    team = [lead, *assistants]
    if len({o.pk for o in team}) != len(team):
        raise DomainError(_("同一名联络官不能重复派任（主办与协办不能是同一人）。"), field="assistants")
    if len(assistants) > MAX_ASSISTANTS:
        raise DomainError(_("协办联络官最多 %(n)d 名。") % {"n": MAX_ASSISTANTS}, field="assistants")
    # Locked, so that a suspension decided at the same moment waits for this dispatch or stops it.
    fresh = {
        o.pk: o
        for o in Officer.objects.select_for_update(of=("self",))
        .select_related("user")
        .filter(pk__in=[o.pk for o in team])
        .order_by("pk")
    }
    for index, officer in enumerate(team):
        current = fresh.get(officer.pk)
        field = "lead" if index == 0 else "assistants"
        if current is None or not current.user.is_active:
            raise DomainError(_("所选联络官不存在或账号已停用。"), field=field)
        if current.status != OfficerStatus.ACTIVE:
            raise DomainError(
                _("联络官 %(name)s 处于“%(status)s”状态，不能派任。")
                % {"name": current.user.display_name, "status": current.get_status_display()},
                field=field,
            )
    return [fresh[o.pk] for o in team]


def _create(project: Project, team: list[Officer], actor: Any, now: Any) -> list[Assignment]:
    batch = Assignment.objects.filter(project=project).values("order_number").distinct().count() + 1
    order_number = f"{project.service_number}-{batch:02d}"
    return [
        Assignment.objects.create(
            project=project,
            officer=officer,
            role=AssignmentRole.LEAD if index == 0 else AssignmentRole.ASSISTANT,
            assigned_at=now,
            assigned_by=actor,
            order_number=order_number,
        )
        for index, officer in enumerate(team)
    ]


def _notify(
    project: Project,
    *,
    team: list[Officer],
    kind: str,
    order_number: str,
    comment: str = "",
    also: list[Officer] | None = None,
) -> None:
    """The new team, any officer taken off, and the enterprise's applicants: once each per order."""
    title, body = render_message(
        kind,
        project=project.name,
        number=project.service_number,
        lead=team[0].user.display_name,
        assistants="、".join(o.user.display_name for o in team[1:]) or _("无"),
        comment=comment,
    )
    notification_send(
        recipients=[*(o.user for o in [*team, *(also or [])]), *enterprise_users(project)],
        kind=kind,
        event_key=f"{kind}:{project.pk}:{order_number}",
        title=title,
        body=body,
        url=f"/intake/projects/{project.pk}/",
    )


def _lock_accepted(actor: Any, project: Project) -> Project:
    locked = Project.objects.select_for_update(of=("self",)).select_related("enterprise").get(pk=project.pk)
    authorize_project(
        actor,
        locked,
        allowed=can_dispatch(actor, locked),
        message=_("只有政务服务中心工作人员可以派任联络官。"),
    )
    if not locked.entrustments.filter(status=EntrustmentStatus.ACCEPTED).exists():
        raise DomainError(_("项目的委托申请尚未受理，不能派任。"))
    return locked


def _team_state(team: list[Officer]) -> dict[str, Any]:
    return {"lead": team[0].number, "assistants": [o.number for o in team[1:]]}


def assignment_dispatch(
    *, actor: Any, project: Project, lead: Officer, assistants: list[Officer] | None = None
) -> list[Assignment]:
    """Dispatch a lead officer (and optional assistants) to an accepted project that has none yet."""
    with transaction.atomic():
        locked = _lock_accepted(actor, project)
        first = (
            Assignment.objects.filter(project=locked, is_active=True)
            .select_related("assigned_by")
            .order_by("assigned_at")
            .first()
        )
        if first is not None:
            raise Conflict(
                _("该项目已由 %(who)s 派任联络官（派任单号 %(order)s），如需调整请使用“变更派任”。")
                % {"who": first.assigned_by.display_name, "order": first.order_number}
            )
        team = _check_officers(lead, list(assistants or []))
        created = _create(locked, team, actor, timezone.now())
        assignment_team_changed.send(
            sender=Assignment,
            project_id=locked.pk,
            removed_officer_ids=[],
            added_officer_ids=[o.pk for o in team],
        )
        order_number = created[0].order_number
        audit_record(
            actor=actor,
            action="assignment.dispatch",
            obj=locked,
            after={**_team_state(team), "order_number": order_number},
            summary=_("派任联络官 %(name)s（派任单号 %(order)s）")
            % {"name": team[0].user.display_name, "order": order_number},
        )
        _notify(locked, team=team, kind="assignment.dispatched", order_number=order_number)
    return created


def assignment_reassign(
    *, actor: Any, project: Project, lead: Officer, assistants: list[Officer] | None = None, reason: str
) -> list[Assignment]:
    """Replace the project's officers; the reason is required and the previous dispatch stays in history."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("变更派任须填写原因。"), field="reason")
    if len(reason) > MAX_REASON:
        raise DomainError(_("变更原因不能超过 %(n)d 个字。") % {"n": MAX_REASON}, field="reason")
    with transaction.atomic():
        locked = _lock_accepted(actor, project)
        current = list(
            Assignment.objects.select_for_update()
            .select_related("officer__user")
            .filter(project=locked, is_active=True)
            .order_by("-role", "assigned_at")  # "lead" > "assistant": descending puts the lead first
        )
        if not current:
            raise DomainError(_("该项目尚未派任，请直接派任。"))
        team = _check_officers(lead, list(assistants or []))
        old_lead = next(a.officer for a in current if a.role == AssignmentRole.LEAD)
        old_assistants = {a.officer.pk for a in current if a.role == AssignmentRole.ASSISTANT}
        if old_lead.pk == team[0].pk and old_assistants == {o.pk for o in team[1:]}:
            raise DomainError(_("派任人员没有变化，无需变更。"), field="lead")
        now = timezone.now()
        Assignment.objects.filter(pk__in=[a.pk for a in current]).update(
            is_active=False, ended_at=now, end_reason=reason
        )
        created = _create(locked, team, actor, now)
        previous = [old_lead, *(a.officer for a in current if a.role == AssignmentRole.ASSISTANT)]
        assignment_team_changed.send(
            sender=Assignment,
            project_id=locked.pk,
            removed_officer_ids=[o.pk for o in previous],
            added_officer_ids=[o.pk for o in team],
        )
        order_number = created[0].order_number
        audit_record(
            actor=actor,
            action="assignment.reassign",
            obj=locked,
            before=_team_state(previous),
            after={**_team_state(team), "order_number": order_number, "reason": reason},
            summary=_("变更派任：%(r)s") % {"r": reason[:100]},
        )
        removed = [o for o in previous if o.pk not in {t.pk for t in team}]
        _notify(
            locked,
            team=team,
            kind="assignment.reassigned",
            order_number=order_number,
            comment=reason,
            also=removed,
        )
    return created
