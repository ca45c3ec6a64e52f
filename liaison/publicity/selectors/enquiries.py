"""Reads of enquiries: the centre's list with the answer deadline's light, one enquiry with its steps,
the asker's status by query code (no personal data), and the public FAQ list."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from liaison.core.errors import NotFound
from liaison.core.listing import keyword_filter
from liaison.core.workflow import Transition
from liaison.deadlines.lights import Light, LightContext, light_context, light_of
from liaison.directory.masking import phone_for
from liaison.publicity.deadline_kinds import ENQUIRY
from liaison.publicity.models import Enquiry, EnquiryState, Faq, FaqState
from liaison.publicity.policies import can_read_enquiries, enquiry_roles
from liaison.publicity.workflows import ENQUIRY_WORKFLOW

CODE = re.compile(r"^[A-Z0-9]{6,16}$")


def enquiry_light(enquiry: Enquiry, ctx: LightContext) -> str:
    """An open enquiry's light from its answer deadline; an answered or closed one has none."""
    if enquiry.state != EnquiryState.OPEN:
        return Light.NONE
    return light_of(enquiry.due_on, ctx)


def enquiry_rows(user: Any, *, state: str = "", q: str = "") -> QuerySet[Enquiry]:
    """The enquiries the centre reads, the open ones first by deadline (none for anybody else)."""
    if not can_read_enquiries(user):
        return Enquiry.objects.none()
    qs = Enquiry.objects.all()
    if state:
        qs = qs.filter(state=state)
    return (
        keyword_filter(qs, q, ["code", "question", "answer"])
        .select_related("faq")
        .order_by("state", "due_on", "-id")
    )


def enquiry_rows_lit(user: Any, rows: Iterable[Enquiry]) -> list[Enquiry]:
    """`rows` with each one's answer-deadline light and its phone as `user` may see it."""
    ctx = light_context(ENQUIRY.code)
    out = list(rows)
    for row in out:
        row.light = enquiry_light(row, ctx)  # type: ignore[attr-defined]
        row.phone_shown = phone_for(user, row.phone)  # type: ignore[attr-defined]
    return out


def enquiry_list(user: Any, *, state: str = "", q: str = "", limit: int = 500) -> list[Enquiry]:
    """The first `limit` of enquiry_rows, each with its light."""
    return enquiry_rows_lit(user, enquiry_rows(user, state=state, q=q)[:limit])


@dataclass
class EnquiryPanel:
    enquiry: Enquiry
    actions: list[Transition]
    light: str
    faq: Faq | None
    can_publish_faq: bool


def access_enquiry(user: Any, pk: int) -> EnquiryPanel:
    enquiry = (
        Enquiry.objects.select_related("answered_by").filter(pk=pk).first()
        if can_read_enquiries(user)
        else None
    )
    if enquiry is None:
        raise NotFound(_("咨询不存在或您无权查看。"))
    roles = enquiry_roles(user)
    faq = Faq.objects.filter(enquiry=enquiry).first()
    return EnquiryPanel(
        enquiry=enquiry,
        actions=ENQUIRY_WORKFLOW.available(enquiry.state, roles),
        light=enquiry_light(enquiry, light_context(ENQUIRY.code)),
        faq=faq,
        can_publish_faq=bool(roles) and enquiry.state == EnquiryState.ANSWERED and faq is None,
    )


@dataclass(frozen=True)
class EnquiryStatus:
    """What the holder of a query code sees: never the name or the contacts."""

    code: str
    topic: str
    question: str
    state: str
    state_label: str
    submitted_on: Any
    due_on: Any
    answer: str
    answered_on: Any


def enquiry_status(code: str) -> EnquiryStatus:
    code = (code or "").strip().upper()
    enquiry = Enquiry.objects.filter(code=code).first() if CODE.match(code) else None
    if enquiry is None:
        raise NotFound(_("没有找到该查询码对应的咨询，请核对后重试。"), field="code")
    return EnquiryStatus(
        code=enquiry.code,
        topic=str(enquiry.get_topic_display()),
        question=enquiry.question,
        state=enquiry.state,
        state_label=str(enquiry.get_state_display()),
        submitted_on=enquiry.created_at,
        due_on=enquiry.due_on,
        answer=enquiry.answer if enquiry.state != EnquiryState.OPEN else "",
        answered_on=enquiry.answered_at,
    )


def faq_public_list(*, topic: str = "", q: str = "") -> QuerySet[Faq]:
    """Published FAQs by topic; `q` searches the question and the answer."""
    qs = Faq.objects.filter(state=FaqState.PUBLISHED)
    if topic:
        qs = qs.filter(topic=topic)
    return keyword_filter(qs, q, ["question", "answer"]).order_by("topic", "-published_at", "-id")


def faq_manage_list(user: Any) -> QuerySet[Faq]:
    if not enquiry_roles(user):
        return Faq.objects.none()
    return Faq.objects.order_by("state", "topic", "-published_at")
