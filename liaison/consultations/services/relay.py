"""The officer relays the opinion to the enterprise (the original always attached); the enterprise
confirms it has read it; the officer records what was done on it. Each step is timestamped."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.consultations.models import ConsultationEventKind, ConsultationState, FollowUp, ReadReceipt
from liaison.consultations.policies import consultation_roles
from liaison.consultations.services.common import NOT_FOUND, check_step, lock, notify, record
from liaison.core.errors import Conflict, DomainError, NotFound, PermissionDenied
from liaison.directory.roles import Role
from liaison.intake.people import enterprise_users, project_officers
from liaison.tracking.services.common import clean_text

E = ConsultationEventKind
S = ConsultationState


def consultation_relay(*, actor: Any, consultation: Any, text: str = "") -> Any:
    """Tell the enterprise: in plain words if the officer wrote them, else the opinion as replied."""
    with transaction.atomic():
        locked = lock(consultation)
        transition = check_step(actor, locked, "relay")
        latest = locked.replies.order_by("-seq").first()
        if latest is None:  # the workflow only allows relay after a reply; kept as a guard
            raise DomainError(_("尚无意见回复可转告。"))
        plain = clean_text(text, field="text", label=_("转告内容"), required=False) or latest.opinion
        before = {"state": locked.state}
        now = timezone.now()
        locked.state = transition.target
        locked.relayed_text = plain
        locked.relayed_at = now
        locked.relayed_by = actor
        locked.relay_count += 1
        locked.save(
            update_fields=["state", "relayed_text", "relayed_at", "relayed_by", "relay_count", "updated_at"]
        )
        record(
            locked,
            actor=actor,
            kind=E.RELAYED,
            note=plain,
            action="consultation.relay",
            summary=_("向项目单位转告咨询 %(n)s 的指导意见") % {"n": locked.number},
            before=before,
            at=now,
        )
        notify(
            locked,
            enterprise_users(locked.project),
            event=f"relayed:{locked.relay_count}",
            title=_("联络官转告了行业部门意见：%(s)s") % {"s": locked.subject},
            body=_("%(t)s\n请登录查看原件并确认已阅。") % {"t": plain[:500]},
        )
    return locked


def consultation_confirm_read(*, actor: Any, consultation: Any) -> Any:
    """An enterprise account confirms it has read the latest relayed opinion (once per account and relay)."""
    with transaction.atomic():
        locked = lock(consultation)
        roles = consultation_roles(actor, locked)
        if not roles:
            raise NotFound(NOT_FOUND)
        if Role.APPLICANT not in roles:
            raise PermissionDenied(_("只有项目单位可以确认已阅。"))
        if locked.state not in (S.RELAYED, S.CONFIRMED):
            raise DomainError(_("当前状态为“%(s)s”，无需确认。") % {"s": locked.get_state_display()})
        if ReadReceipt.objects.filter(consultation=locked, user=actor, relay_seq=locked.relay_count).exists():
            raise Conflict(_("您已确认过本次转告的意见。"))
        now = timezone.now()
        try:
            with transaction.atomic():
                ReadReceipt.objects.create(
                    consultation=locked, user=actor, relay_seq=locked.relay_count, read_at=now
                )
        except IntegrityError:
            raise Conflict(_("您已确认过本次转告的意见。")) from None
        before = {"state": locked.state}
        if locked.state == S.RELAYED:
            locked.state = check_step(actor, locked, "confirm").target
            locked.save(update_fields=["state", "updated_at"])
        record(
            locked,
            actor=actor,
            kind=E.CONFIRMED,
            action="consultation.confirm_read",
            summary=_("项目单位确认已阅咨询 %(n)s 的意见") % {"n": locked.number},
            before=before,
            at=now,
        )
        notify(
            locked,
            project_officers(locked.project),
            event=f"confirmed:{locked.relay_count}:{actor.pk}",
            title=_("项目单位已确认阅知：%(s)s") % {"s": locked.subject},
            body=_("%(u)s 于 %(t)s 确认。")
            % {"u": actor, "t": timezone.localtime(now).strftime("%Y-%m-%d %H:%M")},
        )
    return locked


def consultation_follow_up(*, actor: Any, consultation: Any, action: str) -> FollowUp:
    """The officer records what was done on the opinion (帮办、代办 after relaying it)."""
    text = clean_text(action, field="action", label=_("后续办理"), required=True)
    with transaction.atomic():
        locked = lock(consultation)
        roles = consultation_roles(actor, locked)
        if not roles:
            raise NotFound(NOT_FOUND)
        if Role.OFFICER not in roles:
            raise PermissionDenied(_("只有本项目的联络官可以记录后续办理。"))
        if locked.state not in (S.RELAYED, S.CONFIRMED):
            raise DomainError(_("转告企业后、办结前才能记录后续办理。"))
        now = timezone.now()
        follow_up = FollowUp.objects.create(consultation=locked, officer=actor, action=text, at=now)
        record(
            locked,
            actor=actor,
            kind=E.FOLLOW_UP,
            note=text,
            action="consultation.follow_up",
            summary=_("记录咨询 %(n)s 的后续办理") % {"n": locked.number},
            at=now,
        )
    return follow_up


__all__ = ["consultation_confirm_read", "consultation_follow_up", "consultation_relay", "project_officers"]
