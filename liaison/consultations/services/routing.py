"""首问负责: a guide forwards a matter that is not theirs; the receiving guide accepts it; a guide change
moves open consultations to the new guide. The chain (Forwarding rows) stays visible to all of them."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.catalogue.models import ApprovalItem
from liaison.consultations.models import (
    FINAL_STATES,
    Consultation,
    ConsultationEventKind,
    ConsultationState,
    Forwarding,
)
from liaison.consultations.services.common import check_step, lock, notify, record
from liaison.consultations.services.consultations import current_guide_of
from liaison.core.errors import DomainError
from liaison.intake.people import project_officers
from liaison.tracking.services.common import clean_text

E = ConsultationEventKind
S = ConsultationState


def consultation_forward(
    *, actor: Any, consultation: Consultation, to_item: ApprovalItem, note: str
) -> Consultation:
    """The guide addressed passes the matter to the guide of the item it belongs to, with a note."""
    text = clean_text(note, field="note", label=_("转办说明"), required=True, limit=500)
    with transaction.atomic():
        locked = lock(consultation)
        transition = check_step(actor, locked, "forward")
        if to_item.pk == locked.approval_item_id:
            raise DomainError(_("请选择该诉求实际所属的其他事项。"), field="to_item")
        if not to_item.is_active:
            raise DomainError(_("该事项已停用。"), field="to_item")
        to_guide = current_guide_of(to_item)
        if to_guide is None or not to_guide.is_active:
            raise DomainError(
                _("“%(item)s”暂无在任的专职指导员，请联系中心。") % {"item": to_item.name}, field="to_item"
            )
        if to_guide.pk == actor.pk:
            raise DomainError(_("该事项也由您负责，请直接答复。"), field="to_item")
        before = {"state": locked.state, "guide": locked.guide_id, "approval_item": locked.approval_item_id}
        now = timezone.now()
        forwarding = Forwarding.objects.create(
            consultation=locked,
            from_guide=actor,
            from_item=locked.approval_item,
            to_guide=to_guide,
            to_item=to_item,
            note=text,
            forwarded_at=now,
        )
        locked.state = transition.target
        locked.guide = to_guide
        locked.approval_item = to_item
        locked.save(update_fields=["state", "guide", "approval_item", "updated_at"])
        record(
            locked,
            actor=actor,
            kind=E.FORWARDED,
            note=_("转至 %(g)s（%(d)s·%(i)s）：%(t)s")
            % {"g": to_guide, "d": to_item.department.name, "i": to_item.name, "t": text},
            action="consultation.forward",
            summary=_("转办咨询 %(n)s 至 %(g)s") % {"n": locked.number, "g": to_guide},
            before=before,
            at=now,
        )
        notify(
            locked,
            [to_guide],
            event=f"forwarded:{forwarding.pk}",
            title=_("转办待接收：%(s)s") % {"s": locked.subject},
            body=_("%(g)s 转来：%(t)s") % {"g": actor, "t": text},
        )
        notify(
            locked,
            project_officers(locked.project),
            event=f"forwarded-officer:{forwarding.pk}",
            title=_("您的咨询已转办：%(s)s") % {"s": locked.subject},
            body=_("%(a)s 转至 %(g)s（%(i)s）。") % {"a": actor, "g": to_guide, "i": to_item.name},
        )
    return locked


def consultation_accept_forward(*, actor: Any, consultation: Consultation) -> Consultation:
    """The guide it was forwarded to takes the matter over; from now on they answer it."""
    with transaction.atomic():
        locked = lock(consultation)
        transition = check_step(actor, locked, "accept_forward")
        before = {"state": locked.state}
        now = timezone.now()
        pending = list(locked.forwardings.filter(accepted_at__isnull=True))
        for forwarding in pending:
            forwarding.accepted_at = now
            forwarding.save(update_fields=["accepted_at"])
        locked.state = transition.target
        locked.save(update_fields=["state", "updated_at"])
        record(
            locked,
            actor=actor,
            kind=E.FORWARD_ACCEPTED,
            action="consultation.accept_forward",
            summary=_("接收转办 %(n)s") % {"n": locked.number},
            before=before,
            at=now,
        )
        notify(
            locked,
            [locked.first_contact, *(f.from_guide for f in pending)],
            event=f"accepted:{pending[-1].pk if pending else 0}",
            title=_("转办已被接收：%(s)s") % {"s": locked.subject},
            body=_("%(g)s 已接收并负责答复。") % {"g": actor},
            exclude=actor,
        )
    return locked


def consultations_reroute(
    *, actor: Any, approval_item: ApprovalItem, previous_guide: Any, new_guide: Any
) -> int:
    """Open consultations of `approval_item` with the leaving guide move to the new one (called in the
    guide change's transaction). Both see the hand-over in the chain. Returns how many moved."""
    if previous_guide is None or new_guide is None or previous_guide.pk == new_guide.pk:
        return 0
    moved = 0
    now = timezone.now()
    rows = (
        Consultation.objects.select_for_update(of=("self",))
        .filter(approval_item=approval_item, guide=previous_guide)
        .exclude(state__in=sorted(FINAL_STATES))
        .select_related("project")
    )
    for consultation in rows:
        before = {"guide": consultation.guide_id}
        Forwarding.objects.create(
            consultation=consultation,
            from_guide=previous_guide,
            from_item=approval_item,
            to_guide=new_guide,
            to_item=approval_item,
            note=_("专职指导员变更，自动移交"),
            automatic=True,
            forwarded_at=now,
            accepted_at=now,
        )
        consultation.guide = new_guide
        consultation.save(update_fields=["guide", "updated_at"])
        record(
            consultation,
            actor=actor,
            kind=E.REROUTED,
            note=_("%(a)s → %(b)s") % {"a": previous_guide, "b": new_guide},
            action="consultation.reroute",
            summary=_("指导员变更，咨询 %(n)s 移交 %(g)s") % {"n": consultation.number, "g": new_guide},
            before=before,
            at=now,
        )
        notify(
            consultation,
            [new_guide, previous_guide],
            event=f"rerouted:{new_guide.pk}:{now.timestamp()}",
            title=_("咨询移交：%(s)s") % {"s": consultation.subject},
            body=_("因专职指导员变更，本咨询由 %(a)s 移交 %(b)s 办理。")
            % {"a": previous_guide, "b": new_guide},
        )
        moved += 1
    return moved
