"""FAQs: an answered enquiry worth sharing is published with the centre's own wording (the asker's name
and contacts are never copied); the centre withdraws and republishes them (FAQ_WORKFLOW)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.publicity.models import EnquiryState, EnquiryTopic, Faq
from liaison.publicity.policies import enquiry_roles
from liaison.publicity.services.common import required_text
from liaison.publicity.services.enquiries import lock_enquiry
from liaison.publicity.workflows import FAQ_WORKFLOW


def _wording(topic: str, question: str, answer: str) -> dict[str, str]:
    if topic not in EnquiryTopic.values:
        raise DomainError(_("请选择咨询类别。"), field="topic")
    return {
        "topic": topic,
        "question": required_text(question, field="question", label=_("公开的问题"), max_length=300),
        "answer": required_text(answer, field="answer", label=_("公开的答复"), max_length=4000),
    }


def faq_publish(*, actor: Any, enquiry_id: int, topic: str, question: str, answer: str) -> Faq:
    """Publish an answered enquiry as a FAQ, in the wording the centre gives (once per enquiry)."""
    values = _wording(topic, question, answer)
    with transaction.atomic():
        enquiry, roles = lock_enquiry(actor, enquiry_id)
        if not roles:
            raise PermissionDenied(_("只有政务服务中心工作人员可以发布常见问题。"))
        if enquiry.state != EnquiryState.ANSWERED:
            raise DomainError(_("只有已答复的咨询可以发布为常见问题。"))
        if Faq.objects.filter(enquiry=enquiry).exists():
            raise DomainError(_("该咨询已发布为常见问题。"))
        faq = Faq.objects.create(
            enquiry=enquiry,
            published_by=actor,
            published_at=timezone.now(),
            is_sample=enquiry.is_sample,
            **values,
        )
        audit_record(
            actor=actor,
            action="faq.publish",
            obj=faq,
            after=values,
            summary=_("发布常见问题：%(q)s") % {"q": faq.question},
        )
    return faq


def _lock(actor: Any, faq_id: int) -> tuple[Faq, frozenset[str]]:
    roles = enquiry_roles(actor)
    faq = Faq.objects.select_for_update().filter(pk=faq_id).first() if roles else None
    if faq is None:
        raise NotFound(_("常见问题不存在或您无权查看。"))
    return faq, roles


def faq_update(*, actor: Any, faq_id: int, topic: str, question: str, answer: str) -> Faq:
    """Change a FAQ's wording."""
    values = _wording(topic, question, answer)
    with transaction.atomic():
        faq, _roles = _lock(actor, faq_id)
        before = {k: getattr(faq, k) for k in values}
        for key, value in values.items():
            setattr(faq, key, value)
        faq.save()
        audit_record(actor=actor, action="faq.update", obj=faq, before=before, after=values)
    return faq


def faq_step(*, actor: Any, faq_id: int, name: str) -> Faq:
    """Withdraw or republish a FAQ."""
    with transaction.atomic():
        faq, roles = _lock(actor, faq_id)
        t = FAQ_WORKFLOW.check(name, state=faq.state, roles=roles)
        previous, faq.state = faq.state, t.target
        faq.save()
        audit_record(
            actor=actor,
            action=f"faq.{name}",
            obj=faq,
            before={"state": previous},
            after={"state": faq.state},
            summary=_("常见问题%(a)s：%(q)s") % {"a": t.label, "q": faq.question},
        )
    return faq
