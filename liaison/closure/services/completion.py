"""Completion (Art. 15, 10(6)): the officer prepares it with the handover list, the enterprise confirms
receipt or objects line by line, the centre confirms the completion (办结手续)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from liaison.closure.models import HandoverLine, Service, ServiceState
from liaison.closure.services.common import clean_text, lock_service, move, tell
from liaison.closure.services.handover import custody_hand_over, handover_lines_build, handover_lines_replace
from liaison.closure.services.settings import closure_settings
from liaison.closure.signals import service_ended
from liaison.consultations.services.service_end import consultations_end_with_service
from liaison.coordination.services.service_end import difficulties_end_with_service
from liaison.core.errors import DomainError
from liaison.directory.roles import Role
from liaison.intake.models import Project
from liaison.intake.people import centre_admins, enterprise_users, project_officers
from liaison.intake.services.review import entrustment_conclude
from liaison.tracking.models import OPEN_STATES, ProjectItem
from liaison.tracking.services.project_items import project_item_mark_not_needed, project_item_withdraw
from liaison.tracking.services.service_end import obligations_cancel_with_service

OUTCOMES = {"not_needed": project_item_mark_not_needed, "withdrawn": project_item_withdraw}


def _close_open_items(
    project: Project, *, actor: Any, roles: frozenset[str], outcomes: Mapping[int, str], note: str
) -> int:
    """Every item still open gets its recorded outcome; only the centre may close with items open."""
    open_items = list(
        ProjectItem.objects.filter(project=project, state__in=sorted(OPEN_STATES)).order_by("pk")
    )
    if not open_items:
        return 0
    if Role.CENTER_ADMIN not in roles:
        raise DomainError(
            _(
                "还有 %(n)d 个事项未办结。全部事项办结或确认无需办理后才能提交办结；项目单位要求提前办结的，由中心办理。"
            )
            % {"n": len(open_items)},
            field="outcomes",
        )
    for item in open_items:
        outcome = outcomes.get(item.pk)
        if outcome not in OUTCOMES:
            raise DomainError(
                _("请为未办结的事项“%(i)s”选择处理结果（无需办理或撤回）。") % {"i": item.approval_item.name},
                field="outcomes",
            )
        OUTCOMES[outcome](actor=actor, project_item=item, reason=note)
    return len(open_items)


def service_prepare_completion(
    *,
    actor: Any,
    project: Project,
    lines: Sequence[Mapping[str, Any]] = (),
    kept: Mapping[int, str] | None = None,
    note: str = "",
    outcomes: Mapping[int, str] | None = None,
) -> Service:
    """Prepare completion with the itemised handover list: every custody register entry not yet handed over
    (`kept`: entry id -> why it is kept back), then the other documents in `lines`; the enterprise is asked
    to confirm receipt."""
    with transaction.atomic():
        service, roles = lock_service(actor, project)
        cleaned = handover_lines_build(project, lines=lines, kept=kept or {})
        text = clean_text(note, field="note", label=_("办结说明"), required=bool(outcomes), limit=1000)
        if Role.CENTER_ADMIN in roles and outcomes and not text:
            raise DomainError(_("请填写办结说明。"), field="note")
        _close_open_items(
            project, actor=actor, roles=roles, outcomes=outcomes or {}, note=text or _("项目单位要求办结")
        )
        move(
            service,
            "prepare_completion",
            actor=actor,
            roles=roles,
            comment=text,
            due_days=closure_settings().receipt_days,
        )
        handover_lines_replace(service, cleaned)
        service.completion_note = text
        service.save(update_fields=["completion_note"])
        tell(
            service,
            enterprise_users(project),
            actor=actor,
            event="completion_prepared",
            title=_("请确认资料移交：%(p)s") % {"p": project.name},
            body=_("联络官已提交办结及资料移交清单（%(n)d 项），请核对后确认收到或提出异议。")
            % {"n": len(cleaned)},
        )
    return service


def service_confirm_receipt(*, actor: Any, project: Project, comment: str = "") -> Service:
    """The enterprise's lead or handler confirms it received what the list says; the centre is asked to
    confirm the completion."""
    text = clean_text(comment, field="comment", label=_("确认意见"), required=False, limit=1000)
    with transaction.atomic():
        service, roles = lock_service(actor, project)
        days = closure_settings().confirmation_days
        move(service, "confirm_receipt", actor=actor, roles=roles, comment=text, due_days=days)
        custody_hand_over(service, actor=actor)
        tell(
            service,
            [*centre_admins(), *project_officers(project)],
            actor=actor,
            event="receipt_confirmed",
            title=_("项目单位已确认收到资料：%(p)s") % {"p": project.name},
            body=_("请中心确认办结。"),
        )
    return service


def service_dispute_handover(*, actor: Any, project: Project, disputes: Mapping[int, str]) -> Service:
    """The enterprise objects to lines of the list (each with what is wrong); it goes back to the officer."""
    with transaction.atomic():
        service, roles = lock_service(actor, project)
        lines = {line.pk: line for line in service.handover_lines.all()}
        notes = {pk: str(text or "").strip() for pk, text in disputes.items() if str(text or "").strip()}
        if not notes:
            raise DomainError(_("请至少对一项资料说明异议。"), field="disputes")
        if set(notes) - set(lines):
            raise DomainError(_("所选资料不在本移交清单中。"), field="disputes")
        if any(len(text) > 300 for text in notes.values()):
            raise DomainError(_("每项异议说明不能超过 300 个字。"), field="disputes")
        summary = "\n".join(
            f"{lines[pk].position}. {lines[pk].name}：{text}" for pk, text in sorted(notes.items())
        )
        move(service, "dispute_handover", actor=actor, roles=roles, comment=summary)
        for pk, text in notes.items():
            HandoverLine.objects.filter(pk=pk).update(disputed=True, dispute_note=text)
        tell(
            service,
            project_officers(project),
            actor=actor,
            event="handover_disputed",
            title=_("项目单位对资料移交清单有异议：%(p)s") % {"p": project.name},
            body=summary,
        )
    return service


def service_confirm_completion(*, actor: Any, project: Project, comment: str = "") -> Service:
    """The centre confirms the completion: the service ends and its record becomes read-only."""
    text = clean_text(comment, field="comment", label=_("确认意见"), required=False, limit=1000)
    with transaction.atomic():
        service, roles = lock_service(actor, project)
        move(service, "confirm_completion", actor=actor, roles=roles, comment=text)
        end_service(service, "completed", actor=actor)
        tell(
            service,
            [*enterprise_users(project), *project_officers(project)],
            actor=actor,
            event="completed",
            title=_("联络官服务已办结：%(p)s") % {"p": project.name},
            body=_("感谢您对政务服务联络官工作的支持，欢迎对本次服务进行评价。"),
        )
    return service


def end_service(service: Service, how: str, *, actor: Any) -> None:
    """Mark the project's service ended (read-only everywhere), end what is still open on it (consultations,
    difficulties, the enterprise's to-dos: each a recorded step), conclude its entrustment (so that a new
    one may continue the service) and tell the apps above."""
    state = ServiceState(how)
    reason = _("联络官服务%(h)s") % {"h": state.label}
    if state == ServiceState.TERMINATED and service.termination_reason:
        reason += _("（%(r)s）") % {"r": service.get_termination_reason_display()}
    project = service.project
    consultations_end_with_service(project=project, actor=actor, reason=reason)
    difficulties_end_with_service(project=project, actor=actor, reason=reason)
    obligations_cancel_with_service(project=project, actor=actor, reason=reason)
    entrustment_conclude(
        actor=actor,
        entrustment=service.entrustment,
        comment=_("服务结束（%(h)s）") % {"h": ServiceState(how).label},
    )
    Project.objects.filter(pk=service.project_id).update(service_ended_at=service.ended_at, service_end=how)
    service_ended.send(sender=Service, service=service, state=how, actor=actor)
