"""Opening the invitations to evaluate (一事一评): a service that ended (completed or terminated) and an
approval item that finished (approved, not approved, withdrawn). Called from the closure and tracking
signals inside the transaction that ends the subject; the enterprise's accounts are told."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.deadlines.calendar_policy import deadline_after
from liaison.evaluation.models import Invitation, SubjectKind
from liaison.evaluation.settings_row import evaluation_settings
from liaison.intake.models import Assignment, AssignmentRole
from liaison.intake.people import approval_item_guide, enterprise_users
from liaison.notifications.services.notify import notification_send
from liaison.tracking.models import ProjectItemState

# A department's service is evaluated once the item has a result; an item dropped as not needed has none.
EVALUATED_ITEM_STATES = frozenset(
    {ProjectItemState.APPROVED, ProjectItemState.NOT_APPROVED, ProjectItemState.WITHDRAWN}
)


def _lead_officer_id(project_id: int) -> int | None:
    """The officer who led the service (the active lead; else the latest lead before the end)."""
    leads = Assignment.objects.filter(project_id=project_id, role=AssignmentRole.LEAD)
    return leads.order_by("-is_active", "-assigned_at", "-id").values_list("officer_id", flat=True).first()


def _open(invitation: Invitation, *, actor: Any) -> Invitation | None:
    """Save a new invitation unless the subject has one; tell the enterprise."""
    today = timezone.localdate()
    invitation.opened_on = today
    invitation.due_on = deadline_after(today, evaluation_settings().invitation_days).due_on
    try:
        with transaction.atomic():
            invitation.save()
    except IntegrityError:  # the subject was invited already (a repeated event)
        return None
    audit_record(
        actor=actor,
        action="evaluation.invitation_open",
        obj=invitation,
        object_repr=invitation.title,
        after={"kind": invitation.kind, "due_on": invitation.due_on},
        summary=_("邀请项目单位评价：%(t)s") % {"t": invitation.title},
    )
    notification_send(
        recipients=enterprise_users(invitation.project),
        kind="evaluation.invited",
        event_key=f"evaluation:invitation:{invitation.pk}",
        title=_("请对服务进行评价：%(t)s") % {"t": invitation.title},
        body=_("您的评价将帮助我们改进服务。评价自愿，任何人不得干预。"),
        url=f"/evaluation/invitations/{invitation.pk}/",
    )
    return invitation


def invite_on_service_ended(sender: Any, *, service: Any, state: str, actor: Any = None, **_kw: Any) -> None:
    project = service.project
    _open(
        Invitation(
            kind=SubjectKind.SERVICE,
            project=project,
            service=service,
            officer_id=_lead_officer_id(project.pk),
            title=_("%(p)s · 联络官代办服务") % {"p": project.name},
            outcome=state,
        ),
        actor=actor,
    )


def invite_on_item_finished(sender: Any, *, project_item: Any, actor: Any = None, **_kw: Any) -> None:
    if project_item.state not in EVALUATED_ITEM_STATES:
        return
    approval_item = project_item.approval_item
    guide = approval_item_guide(approval_item.pk)
    _open(
        Invitation(
            kind=SubjectKind.ITEM,
            project=project_item.project,
            project_item=project_item,
            officer_id=_lead_officer_id(project_item.project_id),
            department_id=approval_item.department_id,
            guide=guide,
            title=_("%(p)s · %(i)s") % {"p": project_item.project.name, "i": approval_item.name},
            outcome=project_item.state,
        ),
        actor=actor,
    )
