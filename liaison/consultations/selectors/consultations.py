"""Reads of consultations: lists with lights, a guide's inbox, one consultation with its whole history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When

from liaison.consultations.lights import SEVERITY, ReplyLightContext, reply_light_context, with_reply_light
from liaison.consultations.models import (
    PENDING_STATES,
    Consultation,
    ConsultationEvent,
    FollowUp,
    Forwarding,
    OpinionReply,
    ReadReceipt,
    ReplyMaterial,
)
from liaison.consultations.policies import consultation_roles, visible_consultations
from liaison.consultations.workflows import CONSULTATION_WORKFLOW
from liaison.core.errors import NotFound
from liaison.core.listing import keyword_filter
from liaison.core.workflow import Transition

NOT_FOUND = "咨询不存在或您无权查看。"


def _urgency(qs: QuerySet[Any]) -> QuerySet[Any]:
    rank = Case(
        *(When(light=light, then=Value(n)) for n, light in enumerate(SEVERITY)), output_field=IntegerField()
    )
    return qs.annotate(urgency=rank).order_by("urgency", "reply_due", "raised_at", "pk")


CONSULTATION_SEARCH_FIELDS = (
    "number",
    "subject",
    "project__name",
    "project__service_number",
    "approval_item__name",
    "approval_item__department__name",
    "guide__full_name",
)


def consultation_list(
    user: Any,
    *,
    state: str = "",
    light: str = "",
    department_id: int | None = None,
    project_id: int | None = None,
    guide_id: int | None = None,
    q: str = "",
    ctx: ReplyLightContext | None = None,
) -> QuerySet[Any]:
    """The consultations `user` may see, filtered (`q`: a keyword in the number, subject, project, item
    or guide), with their light; pending ones first by urgency."""
    qs = visible_consultations(user).select_related(*LISTED_WITH)
    if state == "pending":
        qs = qs.filter(WAITING)
    elif state:
        qs = qs.filter(state=state)
    if department_id:
        qs = qs.filter(approval_item__department_id=department_id)
    if project_id:
        qs = qs.filter(project_id=project_id)
    if guide_id:
        qs = qs.filter(guide_id=guide_id)
    qs = keyword_filter(qs, q, CONSULTATION_SEARCH_FIELDS)
    lit: QuerySet[Any] = with_reply_light(qs, ctx or reply_light_context())
    if light:
        lit = lit.filter(light=light)
    return _urgency(lit)


LISTED_WITH = ("project", "approval_item__department", "guide", "first_contact", "raised_by")


def consultation_rows(keys: list[int], *, ctx: ReplyLightContext | None = None) -> QuerySet[Any]:
    """The listed consultations `keys` (already picked by `consultation_list` for a reader) with what a
    row shows, for `paginate_keys`."""
    return with_reply_light(
        Consultation.objects.filter(pk__in=keys).select_related(*LISTED_WITH), ctx or reply_light_context()
    )


# Waiting on a guide: a pending state on a service still running (once the service has ended — completed
# or terminated — nothing can be answered, so nothing waits).
WAITING = Q(state__in=sorted(PENDING_STATES), project__service_ended_at__isnull=True)


def guide_inbox(user: Any, *, ctx: ReplyLightContext | None = None) -> QuerySet[Any]:
    """待回复: what waits on this guide (addressed to them, or forwarded to them and not yet accepted)."""
    return consultation_list(user, state="pending", guide_id=user.pk, ctx=ctx)


def guide_inbox_waiting(user: Any) -> QuerySet[Consultation]:
    """The consultations waiting on this guide's reply (the 待办 entry; the inbox lists the same rows)."""
    return Consultation.objects.filter(WAITING, guide=user)


def consultation_get(user: Any, pk: int) -> Consultation:
    row = (
        with_reply_light(visible_consultations(user), reply_light_context())
        .select_related(
            "project__enterprise",
            "approval_item__department",
            "guide",
            "first_contact",
            "raised_by",
            "relayed_by",
        )
        .filter(pk=pk)
        .first()
    )
    if row is None:
        raise NotFound(NOT_FOUND)
    return row


@dataclass
class ConsultationDetail:
    consultation: Consultation
    roles: frozenset[str]
    transitions: list[Transition]
    project_items: list[Any] = field(default_factory=list)
    events: list[ConsultationEvent] = field(default_factory=list)
    chain: list[Forwarding] = field(default_factory=list)
    replies: list[OpinionReply] = field(default_factory=list)
    receipts: list[ReadReceipt] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    internal: bool = (
        True  # False for the enterprise: it sees what was relayed, not the officials' working notes
    )

    @property
    def awaiting_acceptance(self) -> Forwarding | None:
        """The forwarding not yet accepted: its first contact is still answerable for the matter."""
        pending = [f for f in self.chain if f.accepted_at is None]
        return pending[-1] if pending else None

    @property
    def latest_reply(self) -> OpinionReply | None:
        return self.replies[-1] if self.replies else None


def consultation_detail(user: Any, pk: int) -> ConsultationDetail:
    """One consultation with everything its page shows (a fixed number of queries)."""
    c = consultation_get(user, pk)
    roles = consultation_roles(user, c)
    replies = list(
        c.replies.select_related("guide", "department", "approval_item").prefetch_related(
            Prefetch("materials", queryset=ReplyMaterial.objects.order_by("seq"))
        )
    )
    enterprise = getattr(user, "enterprise_id", None)
    internal = not (enterprise and enterprise == c.project.enterprise_id and roles <= {"applicant", "reader"})
    if not internal:
        # The enterprise sees what was relayed to it: the replies up to the latest relay (also while a
        # later reply waits to be relayed and it only reads).
        relayed_at = c.relayed_at
        replies = [r for r in replies if relayed_at and r.replied_at <= relayed_at]
    return ConsultationDetail(
        consultation=c,
        roles=roles,
        transitions=CONSULTATION_WORKFLOW.available(c.state, roles),
        project_items=list(c.project_items.select_related("approval_item")),
        events=list(c.events.select_related("actor")),
        chain=list(
            c.forwardings.select_related(
                "from_guide", "to_guide", "from_item__department", "to_item__department"
            )
        ),
        replies=replies,
        receipts=list(c.receipts.select_related("user")),
        follow_ups=list(c.follow_ups.select_related("officer")),
        internal=internal,
    )


def today_light_context(today: dt.date | None = None) -> ReplyLightContext:
    return reply_light_context(today)
