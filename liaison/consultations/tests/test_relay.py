"""Relaying the opinion to the enterprise, its read confirmation, follow-ups, closing and withdrawing."""

from __future__ import annotations

import pytest

from liaison.consultations.models import ConsultationState, ReadReceipt
from liaison.consultations.services.consultations import (
    consultation_close,
    consultation_urge,
    consultation_withdraw,
)
from liaison.consultations.services.relay import (
    consultation_confirm_read,
    consultation_follow_up,
    consultation_relay,
)
from liaison.consultations.services.replies import consultation_reply
from liaison.consultations.tests.builders import reply_form
from liaison.core.errors import Conflict, DomainError, NotFound, PermissionDenied
from liaison.notifications.models import Notification

pytestmark = pytest.mark.django_db
S = ConsultationState


@pytest.fixture
def replied(desk):
    c = desk.raise_()
    consultation_reply(actor=desk.guide, consultation=c, form=reply_form())
    c.refresh_from_db()
    return c


def test_relay_then_confirm_then_follow_up_then_close(desk, replied, world):
    c = consultation_relay(actor=desk.officer, consultation=replied, text="请准备申请表和出让合同复印件两份")
    assert (c.state, c.relay_count, c.relayed_by) == (S.RELAYED, 1, desk.officer)
    assert Notification.objects.filter(recipient=world.applicant, kind="consultation.relayed").exists()
    c = consultation_confirm_read(actor=world.applicant, consultation=c)
    assert c.state == S.CONFIRMED
    assert ReadReceipt.objects.filter(consultation=c, user=world.applicant, relay_seq=1).exists()
    with pytest.raises(Conflict):
        consultation_confirm_read(actor=world.applicant, consultation=c)
    follow = consultation_follow_up(actor=desk.officer, consultation=c, action="已协助企业准备申请表")
    assert follow.officer == desk.officer
    c = consultation_close(actor=desk.officer, consultation=c, note="已按意见申报")
    assert c.state == S.CLOSED and c.closed_at is not None
    kinds = list(c.events.values_list("kind", flat=True))
    assert kinds == ["raised", "replied", "relayed", "confirmed", "follow_up", "closed"]


def test_relay_without_text_relays_the_opinion(desk, replied):
    c = consultation_relay(actor=desk.officer, consultation=replied, text="  ")
    assert c.relayed_text == replied.replies.get().opinion


def test_enterprise_sees_nothing_before_the_relay(desk, replied, world):
    with pytest.raises(NotFound):
        consultation_confirm_read(actor=world.applicant, consultation=replied)
    c = consultation_relay(actor=desk.officer, consultation=replied)
    with pytest.raises(NotFound):  # another enterprise
        consultation_confirm_read(actor=world.other_applicant, consultation=c)


def test_only_the_officer_relays_and_follows_up(desk, replied, world):
    with pytest.raises(PermissionDenied):
        consultation_relay(actor=world.center_admin, consultation=replied)
    with pytest.raises(NotFound):
        consultation_relay(actor=desk.other_guide, consultation=replied)
    with pytest.raises(DomainError):  # not relayed yet
        consultation_follow_up(actor=desk.officer, consultation=replied, action="x")
    c = consultation_relay(actor=desk.officer, consultation=replied)
    with pytest.raises(DomainError) as err:
        consultation_follow_up(actor=desk.officer, consultation=c, action=" ")
    assert err.value.field == "action"


def test_withdraw_needs_a_reason_and_only_while_waiting(desk, replied):
    fresh = desk.raise_()
    with pytest.raises(DomainError):
        consultation_withdraw(actor=desk.officer, consultation=fresh, reason="")
    done = consultation_withdraw(actor=desk.officer, consultation=fresh, reason="企业暂缓项目")
    assert done.state == S.WITHDRAWN and done.end_note == "企业暂缓项目"
    with pytest.raises(DomainError):
        consultation_withdraw(actor=desk.officer, consultation=replied, reason="x")


def test_centre_urges_a_waiting_consultation(desk, world):
    c = desk.raise_()
    consultation_urge(actor=world.center_admin, consultation=c, note="企业催问")
    assert Notification.objects.filter(recipient=desk.guide, kind="consultation.urged").count() == 1
    consultation_urge(actor=world.center_admin, consultation=c)
    assert Notification.objects.filter(recipient=desk.guide, kind="consultation.urged").count() == 2
    with pytest.raises(PermissionDenied):
        consultation_urge(actor=desk.officer, consultation=c)
