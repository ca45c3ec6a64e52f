"""Termination (Art. 16, Art. 3): the enterprise may end the voluntary service at any time; the centre ends
it when the project lacks the conditions to be completed; the centre confirms, open items are withdrawn and
the documents are listed for handover (终止委托代办手续，注明终止原因，移交相关资料): the register's entries
still held and any others. The enterprise then confirms receipt, which hands the register's entries over."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from liaison.closure.models import ENTERPRISE_REASONS, Service, TerminationReason
from liaison.closure.services.common import clean_text, lock_service, move, tell
from liaison.closure.services.completion import end_service
from liaison.closure.services.handover import custody_hand_over, handover_lines_build, handover_lines_replace
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


def service_confirm_termination(
    *,
    actor: Any,
    project: Project,
    comment: str = "",
    lines: Sequence[Mapping[str, Any]] = (),
    kept: Mapping[int, str] | None = None,
) -> Service:
    """The centre confirms: open items are withdrawn with the reason; the handover list is made from the
    register (`kept`: entry id -> why it is kept back) and `lines`; reminders stop and the whole record
    (plan, items, to-dos, consultations, difficulties) becomes read-only. When anything is to be handed
    over, the enterprise is asked to confirm its receipt within the receipt period."""
    text = clean_text(comment, field="comment", label=_("确认意见"), required=False, limit=1000)
    with transaction.atomic():
        service, roles = lock_service(actor, project)
        cleaned = handover_lines_build(project, lines=lines, kept=kept or {}, required=False)
        reason = service.termination_text
        for item in ProjectItem.objects.filter(project=project, state__in=sorted(OPEN_STATES)).order_by("pk"):
            project_item_withdraw(
                actor=actor, project_item=item, reason=_("终止委托代办（%(r)s）") % {"r": reason}
            )
        to_hand = any(line["handed_over"] for line in cleaned)
        move(
            service,
            "confirm_termination",
            actor=actor,
            roles=roles,
            comment=text,
            due_days=closure_settings().receipt_days if to_hand else None,
        )
        handover_lines_replace(service, cleaned)
        service.termination_handover_pending = to_hand
        service.save(update_fields=["termination_handover_pending"])
        end_service(service, "terminated", actor=actor)
        body = reason
        if to_hand:
            body += "\n" + _("相关资料已列入移交清单（%(n)d 项），请核对后确认收到。") % {"n": len(cleaned)}
        tell(
            service,
            [*enterprise_users(project), *project_officers(project)],
            actor=actor,
            event="terminated",
            title=_("委托代办已终止：%(p)s") % {"p": project.name},
            body=body,
        )
    return service


def service_confirm_termination_receipt(*, actor: Any, project: Project, comment: str = "") -> Service:
    """The enterprise confirms it received the documents listed at termination: the register's entries on
    the list are handed over; nothing waits any more. The receipt stays owed after a new entrustment (续办),
    so it is taken on the terminated service that lists the documents, current or not."""
    text = clean_text(comment, field="comment", label=_("确认意见"), required=False, limit=1000)
    with transaction.atomic():
        service, roles = lock_service(actor, project, termination_receipt=True)
        move(service, "confirm_termination_receipt", actor=actor, roles=roles, comment=text)
        custody_hand_over(service, actor=actor)
        service.termination_handover_pending = False
        service.save(update_fields=["termination_handover_pending"])
        tell(
            service,
            [*centre_admins(), *project_officers(project)],
            actor=actor,
            event="termination_receipt_confirmed",
            title=_("项目单位已确认收到终止移交的资料：%(p)s") % {"p": project.name},
            body=text,
        )
    return service
