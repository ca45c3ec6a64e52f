"""The opinion reply: a complete one-time notification, merged into the checklist; supplementary ones flagged."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from liaison.consultations.models import ConsultationState, OpinionReply
from liaison.consultations.services.relay import consultation_relay
from liaison.consultations.services.replies import MaterialLine, consultation_reply
from liaison.consultations.tests.builders import reply_form
from liaison.core.errors import DomainError, NotFound, PermissionDenied

pytestmark = pytest.mark.django_db
S = ConsultationState


def test_reply_adds_its_materials_to_the_items_checklist_once(desk):
    item = desk.project_item()
    before = list(item.materials.values_list("name", flat=True))
    form = reply_form()
    form.materials.append(MaterialLine(name=f" {before[0]} ", form="copy"))  # already on the checklist
    reply = consultation_reply(actor=desk.guide, consultation=desk.raise_(), form=form)
    names = list(item.materials.order_by("seq").values_list("name", flat=True))
    assert names == [*before, "建设用地规划许可申请表", "国有土地使用权出让合同"]
    assert all(line.submission_id for line in reply.materials.all())
    assert reply.department == desk.item.department and reply.guide == desk.guide
    assert not reply.is_supplementary and reply.on_time
    c = reply.consultation
    assert c.state == S.REPLIED and c.first_replied_at == reply.replied_at


def test_later_reply_repeating_what_was_told_is_not_supplementary(desk):
    consultation_reply(actor=desk.guide, consultation=desk.raise_(), form=reply_form())
    again = consultation_reply(
        actor=desk.guide,
        consultation=desk.raise_(),
        form=reply_form(
            conditions=["已取得国有土地使用权"],
            materials=[MaterialLine(name="国有土地使用权出让合同 ", form="copy")],
        ),
    )
    assert not again.is_supplementary and again.added_entries == []


def test_later_reply_adding_a_material_needs_a_reason_and_is_flagged(desk):
    consultation_reply(actor=desk.guide, consultation=desk.raise_(), form=reply_form())
    second = desk.raise_(subject="方案调整后的补充咨询")
    extra = reply_form()
    extra.materials.append(MaterialLine(name="修建性详细规划总平面图", form="original"))
    with pytest.raises(DomainError) as err:
        consultation_reply(actor=desk.guide, consultation=second, form=extra)
    assert err.value.field == "supplementary_reason"
    assert err.value.details == {"added": ["材料：修建性详细规划总平面图"]}
    assert OpinionReply.objects.count() == 1  # nothing saved half-way
    extra.supplementary_reason = "企业调整了建设方案，增加地下车库"
    reply = consultation_reply(actor=desk.guide, consultation=second, form=extra)
    assert reply.is_supplementary and reply.added_entries == ["材料：修建性详细规划总平面图"]
    assert reply.supplementary_reason == "企业调整了建设方案，增加地下车库"


def test_a_new_condition_is_also_supplementary(desk):
    consultation_reply(actor=desk.guide, consultation=desk.raise_(), form=reply_form())
    form = reply_form(
        conditions=["已取得国有土地使用权", "已完成环境影响评价"], supplementary_reason="新规要求"
    )
    reply = consultation_reply(actor=desk.guide, consultation=desk.raise_(), form=form)
    assert reply.added_entries == ["条件：已完成环境影响评价"]


def test_replies_on_other_items_do_not_count(desk):
    consultation_reply(actor=desk.guide, consultation=desk.raise_(), form=reply_form())
    other = desk.raise_(project_items=[], approval_item=desk.other_item)
    form = reply_form(materials=[MaterialLine(name="完全不同的材料", form="copy")], signer_name="指导员丙")
    reply = consultation_reply(actor=desk.other_guide, consultation=other, form=form)
    assert not reply.is_supplementary


def test_supplement_on_the_same_consultation_after_relay(desk):
    c = desk.raise_()
    consultation_reply(actor=desk.guide, consultation=c, form=reply_form())
    c = consultation_relay(actor=desk.officer, consultation=c)
    form = reply_form(supplementary_reason="企业变更用地面积")
    form.materials.append(MaterialLine(name="面积变更说明", form="original"))
    reply = consultation_reply(actor=desk.guide, consultation=c, form=form)
    assert reply.seq == 2 and reply.is_supplementary
    c.refresh_from_db()
    assert c.state == S.REPLIED  # to be relayed again


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"opinion": ""}, "opinion"),
        ({"legal_basis": " "}, "legal_basis"),
        ({"conditions": ["", "  "]}, "conditions"),
        ({"materials": []}, "materials"),
        ({"materials": [MaterialLine(name="", form="copy")]}, "materials"),
        ({"materials": [MaterialLine(name="甲", form="scan")]}, "materials"),
        ({"materials": [MaterialLine(name="甲", form="copy", copies=0)]}, "materials"),
        (
            {"materials": [MaterialLine(name="甲", form="copy"), MaterialLine(name=" 甲", form="copy")]},
            "materials",
        ),
        ({"materials": [], "obstacles": "规划条件未明确"}, "remedies"),
        ({"signer_name": ""}, "signer_name"),
        ({"signed_on": dt.date(2099, 1, 1)}, "signed_on"),
        ({"time_limit": ""}, "time_limit"),
    ],
)
def test_incomplete_notification_is_refused(desk, overrides, field):
    c = desk.raise_()
    checklist = desk.project_item().materials.count()
    with pytest.raises(DomainError) as err:
        consultation_reply(actor=desk.guide, consultation=c, form=reply_form(**overrides))
    assert err.value.field == field
    c.refresh_from_db()
    assert c.state == S.AWAITING_REPLY and not OpinionReply.objects.exists()
    assert desk.project_item().materials.count() == checklist


def test_cannot_proceed_with_remedies_is_a_complete_reply(desk):
    form = reply_form(materials=[], obstacles="用地规划条件尚未核发", remedies="可向区人民政府申请行政复议")
    reply = consultation_reply(actor=desk.guide, consultation=desk.raise_(), form=form)
    assert reply.obstacles and reply.remedies


def test_late_first_reply_is_recorded_late(desk):
    c = desk.raise_()
    c.reply_due = timezone.localdate() - dt.timedelta(days=1)
    c.save(update_fields=["reply_due"])
    reply = consultation_reply(actor=desk.guide, consultation=c, form=reply_form())
    assert reply.on_time is False


def test_only_the_addressed_guide_replies(desk, world):
    c = desk.raise_()
    with pytest.raises(NotFound):
        consultation_reply(actor=desk.other_guide, consultation=c, form=reply_form())
    with pytest.raises(PermissionDenied):
        consultation_reply(actor=desk.officer, consultation=c, form=reply_form())
    with pytest.raises(NotFound):
        consultation_reply(actor=world.applicant, consultation=c, form=reply_form())
    assert not OpinionReply.objects.exists()
