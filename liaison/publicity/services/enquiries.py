"""Enquiries (Art. 12): anyone asks; the centre answers within the answer period (ENQUIRY_WORKFLOW); the
answer is emailed to the asker when they gave an address, and shown on the status page to the holder of
the query code."""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.errors import DomainError, NotFound
from liaison.deadlines.calendar_policy import deadline_after
from liaison.intake.people import centre_admins
from liaison.notifications.services.notify import notification_send
from liaison.publicity.contacts import contacts_clean
from liaison.publicity.models import Enquiry, EnquiryTopic
from liaison.publicity.policies import can_read_enquiries, enquiry_roles
from liaison.publicity.services.common import required_text
from liaison.publicity.settings_row import publicity_settings
from liaison.publicity.workflows import ENQUIRY_WORKFLOW

PUBLIC = _("公众")
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def _new_code() -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))
        if not Enquiry.objects.filter(code=code).exists():
            return code


def staff_url(enquiry: Enquiry) -> str:
    return reverse("publicity:enquiry_detail", args=[enquiry.pk])


def enquiry_submit(*, name: str, phone: str, email: str, topic: str, question: str) -> Enquiry:
    """A question from anyone (the view has checked the CAPTCHA and the rate limit); the centre is told."""
    name = required_text(name, field="name", label=_("称呼"), max_length=50)
    phone, email = contacts_clean(phone, email)
    if topic not in EnquiryTopic.values:
        raise DomainError(_("请选择咨询类别。"), field="topic")
    question = required_text(question, field="question", label=_("咨询内容"), max_length=2000)
    due = deadline_after(timezone.localdate(), publicity_settings().answer_days).due_on
    with transaction.atomic():
        enquiry = Enquiry.objects.create(
            code=_new_code(), name=name, phone=phone, email=email, topic=topic, question=question, due_on=due
        )
        audit_record(
            actor=None,
            actor_name=str(PUBLIC),
            action="enquiry.submit",
            obj=enquiry,
            after={"topic": topic, "due_on": due},
            summary=_("收到咨询：%(c)s") % {"c": enquiry.code},
        )
        notification_send(
            recipients=centre_admins(),
            kind="enquiry.submitted",
            event_key=f"enquiry:{enquiry.pk}:submitted",
            title=_("收到公众咨询（%(t)s），请按期答复") % {"t": enquiry.get_topic_display()},
            url=staff_url(enquiry),
        )
    return enquiry


def lock_enquiry(actor: Any, enquiry_id: int) -> tuple[Enquiry, frozenset[str]]:
    """The enquiry locked for update, and the actor's roles in ENQUIRY_WORKFLOW (empty for a reader who
    may not act: the workflow refuses them with 403); 404 for whoever may not read enquiries."""
    visible = can_read_enquiries(actor)
    enquiry = Enquiry.objects.select_for_update().filter(pk=enquiry_id).first() if visible else None
    if enquiry is None:
        raise NotFound(_("咨询不存在或您无权查看。"))
    return enquiry, enquiry_roles(actor)


def _mail_answer(enquiry: Enquiry) -> None:
    status = reverse("publicity:enquiry_status")
    send_mail(
        subject=_("您的咨询已答复（查询码 %(c)s）") % {"c": enquiry.code},
        message=_("%(n)s：\n\n您咨询的问题：\n%(q)s\n\n答复：\n%(a)s\n\n也可在 %(u)s 用查询码 %(c)s 查看。")
        % {"n": enquiry.name, "q": enquiry.question, "a": enquiry.answer, "u": status, "c": enquiry.code},
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[enquiry.email],
    )


def enquiry_answer(*, actor: Any, enquiry_id: int, answer: str) -> Enquiry:
    """The centre's answer; emailed on commit when the asker gave an address."""
    answer = required_text(answer, field="answer", label=_("答复内容"), max_length=4000)
    with transaction.atomic():
        enquiry, roles = lock_enquiry(actor, enquiry_id)
        t = ENQUIRY_WORKFLOW.check("answer", state=enquiry.state, roles=roles)
        enquiry.state, enquiry.answer = t.target, answer
        enquiry.answered_by, enquiry.answered_at = actor, timezone.now()
        enquiry.save()
        audit_record(
            actor=actor,
            action="enquiry.answer",
            obj=enquiry,
            before={"state": "open"},
            after={"state": enquiry.state},
            summary=_("答复咨询：%(c)s") % {"c": enquiry.code},
        )
        if enquiry.email:
            transaction.on_commit(lambda: _mail_answer(enquiry))
    return enquiry


def enquiry_close(*, actor: Any, enquiry_id: int, reason: str) -> Enquiry:
    """Close an enquiry that will not be answered (spam, abuse, a duplicate), with the reason shown to the
    asker on the status page."""
    reason = required_text(reason, field="reason", label=_("不予答复的理由"), max_length=500)
    with transaction.atomic():
        enquiry, roles = lock_enquiry(actor, enquiry_id)
        t = ENQUIRY_WORKFLOW.check("close", state=enquiry.state, roles=roles)
        enquiry.state, enquiry.answer = t.target, reason
        enquiry.answered_by, enquiry.answered_at = actor, timezone.now()
        enquiry.save()
        audit_record(
            actor=actor,
            action="enquiry.close",
            obj=enquiry,
            before={"state": "open"},
            after={"state": enquiry.state},
            summary=_("咨询不予答复：%(c)s") % {"c": enquiry.code},
        )
    return enquiry
