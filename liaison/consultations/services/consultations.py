"""Raising a consultation (Art. 14) and ending it: the officer raises, withdraws and closes; the centre urges."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.db.models.functions import Length
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.catalogue.models import ApprovalItem, GuideAssignment
from liaison.consultations.models import (
    HELD_CHANNELS,
    Channel,
    Consultation,
    ConsultationEventKind,
    ConsultationSettings,
    ConsultationState,
)
from liaison.consultations.policies import can_raise_consultation, can_urge_consultation, consultation_roles
from liaison.consultations.services.common import NOT_FOUND, check_step, lock, notify, record
from liaison.consultations.settings_row import consultation_settings, reply_deadline
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.core.workflow import Transition
from liaison.directory.models import User
from liaison.intake.models import Project
from liaison.intake.people import approval_item_guide, project_officers
from liaison.intake.policies import can_view_project
from liaison.intake.services.guard import ensure_service_open
from liaison.tracking.models import ProjectItem
from liaison.tracking.services.common import clean_text

S = ConsultationState
E = ConsultationEventKind


def current_guide_of(item: ApprovalItem) -> User | None:
    return approval_item_guide(item.pk)


def _items_of(project: Project, project_items: Sequence[ProjectItem | int]) -> list[ProjectItem]:
    ids: list[int] = sorted({i.pk if isinstance(i, ProjectItem) else int(i) for i in project_items})
    found = list(ProjectItem.objects.filter(project=project, pk__in=ids).select_related("approval_item"))
    if len(found) != len(ids):
        raise DomainError(_("所选事项不属于本项目。"), field="project_items")
    return found


def _subject_item(approval_item: ApprovalItem | None, items: list[ProjectItem]) -> ApprovalItem:
    if approval_item is None and not items:
        raise DomainError(_("请选择咨询所涉的审批事项。"), field="approval_item")
    if approval_item is None:
        return items[0].approval_item
    if items and approval_item.pk not in {i.approval_item_id for i in items}:
        raise DomainError(_("所涉事项须是所选项目事项之一。"), field="approval_item")
    return approval_item


def _route(subject: ApprovalItem, items: list[ProjectItem]) -> User:
    guide = current_guide_of(subject)
    if guide is None or not guide.is_active:
        raise DomainError(
            _("“%(item)s”暂无在任的专职指导员，请联系中心登记。") % {"item": subject.name},
            field="approval_item",
        )
    guides = dict(
        GuideAssignment.objects.filter(
            item_id__in=[i.approval_item_id for i in items], is_active=True
        ).values_list("item_id", "guide_id")
    )
    others = [
        i for i in items if i.approval_item_id != subject.pk and guides.get(i.approval_item_id) != guide.pk
    ]
    if others:
        raise DomainError(
            _("所选事项由不同的指导员负责（%(items)s），请按事项分别发起。")
            % {"items": "、".join(i.approval_item.name for i in others)},
            field="project_items",
        )
    return guide


def _check_contact(
    channel: str, held_on: dt.date | None, notes: str, wanted: dt.date | None, today: dt.date
) -> None:
    if channel not in Channel.values:
        raise DomainError(_("请选择联络方式：带领上门、上门咨询、电话联络或网络交换。"), field="channel")
    if held_on is not None:
        if channel not in HELD_CHANNELS:
            raise DomainError(_("网络交换无需填写已联络日期。"), field="held_on")
        if held_on > today:
            raise DomainError(_("已联络日期不能晚于今天。"), field="held_on")
        if not notes:
            raise DomainError(_("补录已进行的上门或电话联络时，请填写联络记录。"), field="contact_notes")
    if wanted is not None and wanted < today:
        raise DomainError(_("希望答复日期不能早于今天。"), field="wanted_reply_by")


def _next_number(year: int) -> str:
    # The settings row is the lock that orders numbering; the unique index is the safety net.
    ConsultationSettings.objects.select_for_update().filter(pk=1).first()
    prefix = f"ZX-{year}-"
    # Highest by value: ZX-2026-10000 is longer, and so later, than ZX-2026-9999 (text order says otherwise).
    last = (
        Consultation.objects.filter(number__startswith=prefix)
        .order_by(Length("number").desc(), "-number")
        .values_list("number", flat=True)
    ).first()
    seq = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{seq:04d}"


def consultation_raise(
    *,
    actor: Any,
    project: Project,
    subject: str,
    situation: str,
    requests: str,
    channel: str,
    approval_item: ApprovalItem | None = None,
    project_items: Sequence[ProjectItem | int] = (),
    held_on: dt.date | None = None,
    participants: str = "",
    contact_notes: str = "",
    wanted_reply_by: dt.date | None = None,
) -> Consultation:
    """The officer raises the project's situation and requests with the item's guide (routed automatically)."""
    if not can_view_project(actor, project):
        raise NotFound(_("项目不存在或您无权查看。"))
    if not can_raise_consultation(actor, project):
        raise PermissionDenied(_("只有派任到本项目的政务服务联络官可以发起咨询。"))
    ensure_service_open(project)
    subject_text = clean_text(subject, field="subject", label=_("主题"), required=True, limit=200)
    situation_text = clean_text(situation, field="situation", label=_("项目情况"), required=True)
    requests_text = clean_text(requests, field="requests", label=_("具体诉求"), required=True)
    participants_text = clean_text(
        participants, field="participants", label=_("参加人员"), required=False, limit=300
    )
    notes = clean_text(contact_notes, field="contact_notes", label=_("联络记录"), required=False)
    now = timezone.now()
    today = timezone.localdate(now)
    _check_contact(channel, held_on, notes, wanted_reply_by, today)
    items = _items_of(project, project_items)
    item = _subject_item(approval_item, items)
    guide = _route(item, items)
    consultation_settings()  # the numbering lock row exists
    with transaction.atomic():
        due, problem_year = reply_deadline(today)
        consultation = Consultation.objects.create(
            number=_next_number(today.year),
            project=project,
            approval_item=item,
            subject=subject_text,
            situation=situation_text,
            requests=requests_text,
            channel=channel,
            held_on=held_on,
            participants=participants_text,
            contact_notes=notes,
            wanted_reply_by=wanted_reply_by,
            reply_due=due,
            calendar_problem_year=problem_year,
            guide=guide,
            first_contact=guide,
            raised_by=actor,
            raised_at=now,
        )
        consultation.project_items.set(items)
        record(
            consultation,
            actor=actor,
            kind=E.RAISED,
            note=str(Channel(channel).label),
            action="consultation.raise",
            summary=_("发起咨询 %(n)s：%(s)s") % {"n": consultation.number, "s": subject_text},
            at=now,
        )
        notify(
            consultation,
            [guide],
            event="raised",
            title=_("新的咨询待回复：%(s)s") % {"s": subject_text},
            body=_("项目：%(p)s；答复期限：%(d)s。")
            % {"p": project.name, "d": due.isoformat() if due else _("（工作日历缺失，请中心补录）")},
        )
    return consultation


def _end(
    actor: Any, consultation: Consultation, *, step: str, text: str, kind: str, summary: str
) -> Consultation:
    """Withdraw or close: the state, the note and the time, recorded."""
    locked = lock(consultation)
    transition = check_step(actor, locked, step)
    end_recorded(
        locked, transition, actor=actor, text=text, kind=kind, summary=summary % {"n": locked.number}
    )
    return locked


def end_recorded(
    locked: Consultation, transition: Transition, *, actor: Any, text: str, kind: str, summary: str
) -> None:
    """Move the locked consultation to the end state of `transition` (already checked) with its note and
    time, and record the step with `summary` in the audit trail."""
    before = {"state": locked.state}
    locked.state = transition.target
    locked.end_note = text
    locked.closed_at = timezone.now()
    locked.save(update_fields=["state", "end_note", "closed_at", "updated_at"])
    record(
        locked,
        actor=actor,
        kind=kind,
        note=text,
        action=f"consultation.{transition.name}",
        summary=summary,
        before=before,
    )


def tell_withdrawn(locked: Consultation, *, actor: Any, text: str) -> None:
    """The guide (and the first contact while forwarded) hear that the matter was withdrawn."""
    notify(
        locked,
        [locked.guide, locked.first_contact],
        event="withdrawn",
        title=_("咨询已撤回：%(s)s") % {"s": locked.subject},
        body=text,
        exclude=actor,
    )


def consultation_withdraw(*, actor: Any, consultation: Consultation, reason: str) -> Consultation:
    text = clean_text(reason, field="reason", label=_("撤回原因"), required=True, limit=500)
    with transaction.atomic():
        locked = _end(
            actor, consultation, step="withdraw", text=text, kind=E.WITHDRAWN, summary=_("撤回咨询 %(n)s")
        )
        tell_withdrawn(locked, actor=actor, text=text)
    return locked


def consultation_close(*, actor: Any, consultation: Consultation, note: str = "") -> Consultation:
    text = clean_text(note, field="note", label=_("办结说明"), required=False, limit=500)
    with transaction.atomic():
        return _end(actor, consultation, step="close", text=text, kind=E.CLOSED, summary=_("咨询办结 %(n)s"))


def consultation_urge(*, actor: Any, consultation: Consultation, note: str = "") -> Consultation:
    """催办 by the centre: the guide (and the first contact while forwarded) hear of it at once."""
    text = clean_text(note, field="note", label=_("催办说明"), required=False, limit=500)
    with transaction.atomic():
        locked = lock(consultation)
        if not consultation_roles(actor, locked):
            raise NotFound(NOT_FOUND)
        if not can_urge_consultation(actor, locked):
            raise PermissionDenied(_("只有政务服务中心可以对待回复的咨询催办。"))
        event = record(
            locked,
            actor=actor,
            kind=E.URGED,
            note=text,
            action="consultation.urge",
            summary=_("催办咨询 %(n)s") % {"n": locked.number},
        )
        notify(
            locked,
            [locked.guide, locked.first_contact, *project_officers(locked.project)],
            event=f"urged:{event.pk}",
            title=_("中心催办：%(s)s") % {"s": locked.subject},
            body=text or _("请尽快答复。"),
            exclude=actor,
        )
    return locked


__all__ = [
    "S",
    "consultation_close",
    "consultation_raise",
    "consultation_urge",
    "consultation_withdraw",
    "current_guide_of",
    "end_recorded",
    "tell_withdrawn",
]
