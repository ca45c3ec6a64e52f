"""Dispatching liaison officers to an accepted project, and changing them with a reason (Art. 7, 13)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.errors import Conflict, DomainError, PermissionDenied
from liaison.intake.messages import render_message
from liaison.intake.models import Assignment, AssignmentRole, EntrustmentStatus, Project
from liaison.intake.policies import can_dispatch
from liaison.intake.services.entrustment_steps import enterprise_users
from liaison.notifications.services.notify import notification_send
from liaison.officers.models import Officer, OfficerStatus

MAX_ASSISTANTS = 4


def _check_officers(lead: Officer, assistants: list[Officer]) -> list[Officer]:
    team = [lead, *assistants]
    if len({o.pk for o in team}) != len(team):
        raise DomainError(_("同一名联络官不能重复派任（主办与协办不能是同一人）。"), field="assistants")
    if len(assistants) > MAX_ASSISTANTS:
        raise DomainError(_("协办联络官最多 %(n)d 名。") % {"n": MAX_ASSISTANTS}, field="assistants")
    fresh = {o.pk: o for o in Officer.objects.select_related("user").filter(pk__in=[o.pk for o in team])}
    for officer in team:
        current = fresh.get(officer.pk)
        if current is None or current.status != OfficerStatus.ACTIVE:
            raise DomainError(
                _("联络官 %(name)s 处于暂停派任状态，不能派任。") % {"name": officer.user.display_name},
                field="lead",
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
    project: Project, team: list[Officer], kind: str, comment: str = "", also: list[Officer] | None = None
) -> None:
    assistants = "、".join(o.user.display_name for o in team[1:]) or _("无")
    title, body = render_message(
        kind,
        project=project.name,
        number=project.service_number,
        lead=team[0].user.display_name,
        assistants=assistants,
        comment=comment,
    )
    order = (
        Assignment.objects.filter(project=project, is_active=True)
        .values_list("order_number", flat=True)
        .first()
    )
    notification_send(
        recipients=[*(o.user for o in [*team, *(also or [])]), *enterprise_users(project)],
        kind=kind,
        event_key=f"{kind}:{project.pk}:{order}",
        title=title,
        body=body,
        url=f"/intake/projects/{project.pk}/",
    )


def _lock_accepted(actor: Any, project: Project) -> Project:
    if not can_dispatch(actor, project):
        raise PermissionDenied(_("只有中心工作人员可以派任联络官。"))
    locked = Project.objects.select_for_update().select_related("enterprise").get(pk=project.pk)
    if not locked.entrustments.filter(status=EntrustmentStatus.ACCEPTED).exists():
        raise DomainError(_("项目的委托申请尚未受理，不能派任。"))
    return locked


def assignment_dispatch(
    *, actor: Any, project: Project, lead: Officer, assistants: list[Officer] | None = None
) -> list[Assignment]:
    """Dispatch a lead officer (and optional assistants) to a project that has none yet."""
    with transaction.atomic():
        locked = _lock_accepted(actor, project)
        if Assignment.objects.filter(project=locked, is_active=True).exists():
            raise Conflict(_("该项目已派任联络官（可能刚由其他工作人员派任），请刷新后使用“变更派任”。"))
        team = _check_officers(lead, list(assistants or []))
        created = _create(locked, team, actor, timezone.now())
        audit_record(
            actor=actor,
            action="assignment.dispatch",
            obj=locked,
            after={
                "lead": team[0].number,
                "assistants": [o.number for o in team[1:]],
                "order_number": created[0].order_number,
            },
            summary=_("派任联络官 %(name)s") % {"name": team[0].user.display_name},
        )
        _notify(locked, team, "assignment.dispatched")
    return created


def assignment_reassign(
    *, actor: Any, project: Project, lead: Officer, assistants: list[Officer] | None = None, reason: str
) -> list[Assignment]:
    """Replace the project's officers; the reason is required and the previous dispatch stays in history."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("变更派任须填写原因。"), field="reason")
    with transaction.atomic():
        locked = _lock_accepted(actor, project)
        current = list(
            Assignment.objects.select_for_update()
            .select_related("officer")
            .filter(project=locked, is_active=True)
        )
        if not current:
            raise DomainError(_("该项目尚未派任，请直接派任。"))
        team = _check_officers(lead, list(assistants or []))
        now = timezone.now()
        Assignment.objects.filter(pk__in=[a.pk for a in current]).update(
            is_active=False, ended_at=now, end_reason=reason
        )
        created = _create(locked, team, actor, now)
        audit_record(
            actor=actor,
            action="assignment.reassign",
            obj=locked,
            before={
                "lead": next((a.officer.number for a in current if a.role == AssignmentRole.LEAD), None),
                "assistants": [a.officer.number for a in current if a.role == AssignmentRole.ASSISTANT],
            },
            after={
                "lead": team[0].number,
                "assistants": [o.number for o in team[1:]],
                "order_number": created[0].order_number,
            },
            summary=_("变更派任：%(r)s") % {"r": reason[:100]},
        )
        previous = [a.officer for a in current if a.officer.pk not in {o.pk for o in team}]
        _notify(locked, team, "assignment.reassigned", comment=reason, also=previous)
    return created
