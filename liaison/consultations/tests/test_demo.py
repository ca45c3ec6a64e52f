"""The consultations load_demo adds: every state, forwarding, a supplementary notification, reply lights."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.utils import timezone

from liaison.audit.services.verify import audit_chain_verify
from liaison.consultations.documents.opinion_reply import opinion_reply_docx
from liaison.consultations.lights import reply_light_context, with_reply_light
from liaison.consultations.models import (
    Consultation,
    ConsultationEventKind,
    ConsultationState,
    Forwarding,
    OpinionReply,
)
from liaison.intake.tests.test_views_support import docx_text
from liaison.tracking.models import MaterialSubmission

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo")


def test_the_demo_has_consultations_in_every_state(demo):
    states = set(Consultation.objects.values_list("state", flat=True))
    assert states == set(ConsultationState.values)


def test_one_forwarded_consultation_waits_for_acceptance_and_one_was_accepted(demo):
    waiting = Consultation.objects.get(state=ConsultationState.FORWARDED)
    assert waiting.first_contact.username == "guide1" and waiting.guide != waiting.first_contact
    assert Forwarding.objects.filter(consultation=waiting, accepted_at__isnull=True).count() == 1
    accepted = Forwarding.objects.filter(automatic=False, accepted_at__isnull=False).select_related(
        "consultation"
    )
    assert accepted.count() == 1
    taken = accepted.get()
    assert taken.consultation.guide == taken.to_guide and taken.consultation.replies.exists()
    assert taken.forwarded_at <= taken.accepted_at


def test_a_supplementary_notification_is_flagged_with_its_reason_and_the_added_material(demo):
    flagged = OpinionReply.objects.get(is_supplementary=True)
    assert "地下空间开发利用方案" in "".join(flagged.added_entries)
    assert flagged.supplementary_reason
    first = OpinionReply.objects.filter(
        project=flagged.project, approval_item=flagged.approval_item, is_supplementary=False
    )
    assert first.exists() and first.get().replied_at < flagged.replied_at
    assert MaterialSubmission.objects.filter(
        project_item__project=flagged.project, name="地下空间开发利用方案"
    ).exists()
    assert "补充告知说明" in docx_text(opinion_reply_docx(flagged))


def test_waiting_consultations_show_green_yellow_and_red_lights(demo):
    ctx = reply_light_context()
    lights = set(
        with_reply_light(
            Consultation.objects.filter(state__in=["awaiting_reply", "forwarded"]), ctx
        ).values_list("light", flat=True)
    )
    assert {"green", "red"} <= lights
    urged = Consultation.objects.get(events__kind=ConsultationEventKind.URGED)
    assert urged.state == ConsultationState.AWAITING_REPLY and urged.reply_due < ctx.today
    if ctx.yellow_limit >= ctx.today:  # at a year's end without next year's calendar, yellow cannot be told
        assert "yellow" in lights


def test_the_histories_read_in_order_and_one_reply_came_late(demo):
    for c in Consultation.objects.prefetch_related("events"):
        times = [e.at for e in c.events.all()]
        assert times == sorted(times), c.number
        assert times[0] == c.raised_at and c.raised_at <= timezone.now()
    late = OpinionReply.objects.get(on_time=False)
    assert late.consultation.reply_due < timezone.localdate(late.replied_at)
    assert OpinionReply.objects.filter(on_time=True).count() >= 4
    closed = Consultation.objects.get(state=ConsultationState.CLOSED)
    kinds = list(closed.events.values_list("kind", flat=True))
    assert kinds[0] == ConsultationEventKind.RAISED and kinds[-1] == ConsultationEventKind.CLOSED
    assert closed.closed_at == closed.events.last().at


def test_the_demo_consultations_keep_the_audit_chain_intact(demo):
    assert audit_chain_verify().ok
