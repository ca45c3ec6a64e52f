"""Termination (Art. 16, Art. 3): the enterprise may end the voluntary service at any time; the centre ends
it when the project lacks the conditions to be completed; the centre confirms, open items are withdrawn."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from liaison.closure.models import ENTERPRISE_REASONS, Service, TerminationReason
from liaison.closure.services.common import clean_text, lock_service, move, tell
from liaison.closure.services.completion import end_service
from liaison.closure.services.settings import closure_settings
from liaison.core.errors import DomainError
from liaison.directory.roles import Role
from liaison.intake.models import Project
from liaison.intake.people import centre_admins, enterprise_users, project_officers
from liaison.tracking.models import OPEN_STATES, ProjectItem
from liaison.tracking.services.project_items import project_item_withdraw


def service_request_termination(*, actor: Any, project: Project, reason: str, note: str) -> Service:
    """Ask to end the entrustment, with a reason from the list and an explanation."""
    if reason not in TerminationReason.values:
        raise DomainError(_("请选择终止原因。"), field="reason")
    text = clean_text(note, field="note", label=_("终止原因说明"), required=True, limit=1000)
    with transaction.atomic():
        service, roles = lock_service(actor, project)
        if Role.CENTER_ADMIN not in roles and reason not in ENTERPRISE_REASONS:
            raise DomainError(
                _("项目单位申请终止时，请选择“项目单位申请终止委托”或“其他原因”。"), field="reason"
            )
        service.termination_reason, service.termination_note = reason, text
        move(
            service,
            "request_termination",
            actor=actor,
            roles=roles,
            comment=service.termination_text,
            due_days=closure_settings().confirmation_days,
        )
        service.termination_requested_by = actor
        service.save(update_fields=["termination_reason", "termination_note", "termination_requested_by"])
        tell(
            service,
            [*centre_admins(), *project_officers(project), *enterprise_users(project)],
            actor=actor,
            event="termination_requested",
            title=_("申请终止委托代办：%(p)s") % {"p": project.name},
            body=service.termination_text,
        )
    return service


def service_withdraw_termination(*, actor: Any, project: Project, comment: str = "") -> Service:
    """Whoever asked (or the centre) takes the request back; the service goes on."""
    text = clean_text(comment, field="comment", label=_("撤回说明"), required=False, limit=1000)
    with transaction.atomic():
        service, roles = lock_service(actor, project)
        mine = service.termination_requested_by_id == actor.pk
        if Role.CENTER_ADMIN not in roles and not mine:
            raise DomainError(_("只有提出终止申请的一方或中心可以撤回。"))
        move(service, "withdraw_termination", actor=actor, roles=roles, comment=text)
        service.termination_reason, service.termination_note, service.termination_requested_by = "", "", None
        service.save(update_fields=["termination_reason", "termination_note", "termination_requested_by"])
        tell(
            service,
            [*centre_admins(), *project_officers(project), *enterprise_users(project)],
            actor=actor,
            event="termination_withdrawn",
            title=_("终止申请已撤回：%(p)s") % {"p": project.name},
            body=text,
        )
    return service


def service_confirm_termination(*, actor: Any, project: Project, comment: str = "") -> Service:
    """The centre confirms: open items are withdrawn with the reason; reminders stop and the whole record
    (plan, items, to-dos, consultations, difficulties) becomes read-only."""
    text = clean_text(comment, field="comment", label=_("确认意见"), required=False, limit=1000)
    with transaction.atomic():
        service, roles = lock_service(actor, project)
        reason = service.termination_text
        for item in ProjectItem.objects.filter(project=project, state__in=sorted(OPEN_STATES)).order_by("pk"):
            project_item_withdraw(
                actor=actor, project_item=item, reason=_("终止委托代办（%(r)s）") % {"r": reason}
            )
        move(service, "confirm_termination", actor=actor, roles=roles, comment=text)
        end_service(service, "terminated", actor=actor)
        tell(
            service,
            [*enterprise_users(project), *project_officers(project)],
            actor=actor,
            event="terminated",
            title=_("委托代办已终止：%(p)s") % {"p": project.name},
            body=reason,
        )
    return service
