"""The consultation's page and its steps through the pages: forward and accept, the opinion-reply form
(bad input, the supplementary flow), relay, confirm, follow up, close, withdraw, urge and the downloads."""

from __future__ import annotations

import pytest
from django.urls import reverse

from liaison.audit.models import AuditEvent
from liaison.consultations.models import Consultation, ConsultationState, Forwarding, OpinionReply
from liaison.consultations.services.relay import consultation_relay
from liaison.consultations.services.replies import consultation_reply
from liaison.consultations.tests.builders import reply_form
from liaison.notifications.models import Notification

pytestmark = pytest.mark.django_db
S = ConsultationState


def _url(name: str, c) -> str:
    return reverse(f"consultations:{name}", args=[c.pk])


def _messages(response) -> str:
    return " ".join(str(m) for m in response.context["messages"]) if response.context else ""


def _post(client, user, url, data=None):
    client.force_login(user)
    return client.post(url, data or {}, follow=True)


def _reply_data(**overrides) -> dict:
    data = {
        "opinion": "符合办理条件，请按清单准备材料后申报。",
        "legal_basis": "《中华人民共和国城乡规划法》第三十七条",
        "conditions": "已取得国有土地使用权\n符合控制性详细规划\n",
        "procedure": "申请—受理—审查—决定—送达",
        "time_limit": "受理后5个工作日",
        "fees": "不收费",
        "contact": "区政务服务中心二楼 12 号窗口",
        "signer_name": "指导员甲",
        "signer_post": "科员",
        "m-0-name": "建设用地规划许可申请表",
        "m-0-form": "original",
        "m-0-copies": "1",
        "m-0-issuing_body": "项目单位",
        "m-0-required": "1",
        "m-1-name": "国有土地使用权出让合同",
        "m-1-form": "copy",
        "m-1-copies": "2",
        "m-1-how_to_obtain": "自然资源局档案室",
        "m-1-required": "1",
        "m-2-name": "",  # a blank row left as it was
        "m-2-form": "original",
        "m-2-copies": "1",
        "m-2-required": "1",
    }
    data.update(overrides)
    return data


def _footprint() -> tuple[int, int, int]:
    return OpinionReply.objects.count(), AuditEvent.objects.changes().count(), Notification.objects.count()


# The page per role -------------------------------------------------------------------------------


def test_the_guide_gets_the_reply_form_prefilled_with_their_signature(client, desk):
    c = desk.raise_()
    client.force_login(desk.guide)
    html = client.get(_url("detail", c)).content.decode()
    assert 'data-testid="reply-form"' in html and 'data-testid="open-forward"' in html
    assert f'value="{desk.guide.full_name}"' in html and f'value="{desk.guide.post}"' in html
    assert "DRC-A申请表" in html  # the catalogue's checklist as the starting rows
    client.force_login(desk.officer)
    html = client.get(_url("detail", c)).content.decode()
    assert 'data-testid="reply-form"' not in html and 'data-testid="open-withdraw"' in html


def test_forward_and_accept_through_the_page_show_the_chain(client, desk):
    c = desk.raise_()
    response = _post(
        client, desk.guide, _url("forward", c), {"to_item": desk.other_item.pk, "note": "属自然资源局事项"}
    )
    assert "已转办" in _messages(response)
    c.refresh_from_db()
    assert (c.state, c.guide) == (S.FORWARDED, desk.other_guide)
    client.force_login(desk.guide)
    html = client.get(_url("detail", c)).content.decode()
    assert f"首问负责人：{desk.guide.full_name}（跟进至接收）" in html and "待接收" in html
    assert 'data-testid="reply-form"' not in html  # the first contact follows, the receiver acts
    client.force_login(desk.other_guide)
    html = client.get(_url("detail", c)).content.decode()
    assert 'data-testid="accept-forward"' in html and 'data-testid="reply-form"' not in html
    response = _post(client, desk.other_guide, _url("accept_forward", c))
    html = response.content.decode()
    assert "已接收转办" in _messages(response) and "跟进至接收" not in html and "已接收" in html
    assert 'data-testid="reply-form"' in html
    assert Forwarding.objects.get().accepted_at is not None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"to_item": "", "note": "转"}, "请选择诉求实际所属的事项"),
        ({"to_item": "999999", "note": "转"}, "所选事项不存在"),
        ({"note": ""}, "请填写转办说明"),
    ],
)
def test_a_bad_forward_changes_nothing(client, desk, data, message):
    c = desk.raise_()
    response = _post(client, desk.guide, _url("forward", c), {"to_item": desk.other_item.pk, **data})
    assert message in _messages(response)
    assert not Forwarding.objects.exists() and Consultation.objects.get().state == S.AWAITING_REPLY


def test_an_outsider_posting_a_step_gets_404(client, desk, world):
    c = desk.raise_()
    for name in ("forward", "accept_forward", "reply", "relay", "withdraw", "urge"):
        client.force_login(world.other_applicant)
        assert client.post(_url(name, c), {"note": "x", "reason": "x"}).status_code == 404
    assert Consultation.objects.get().state == S.AWAITING_REPLY


# The reply ---------------------------------------------------------------------------------------


def test_the_guide_replies_and_the_materials_join_the_items_checklist(client, desk):
    c = desk.raise_()
    response = _post(client, desk.guide, _url("reply", c), _reply_data())
    assert "意见回复表已提交" in _messages(response)
    reply = OpinionReply.objects.get()
    assert reply.conditions == ["已取得国有土地使用权", "符合控制性详细规划"]
    assert [(m.name, m.form, m.copies) for m in reply.materials.all()] == [
        ("建设用地规划许可申请表", "original", 1),
        ("国有土地使用权出让合同", "copy", 2),
    ]
    checklist = set(desk.project_item().materials.values_list("name", flat=True))
    assert {"建设用地规划许可申请表", "国有土地使用权出让合同"} <= checklist
    html = response.content.decode()
    assert 'data-testid="reply-1"' in html and "国有土地使用权出让合同" in html and "自然资源局档案室" in html
    client.force_login(desk.guide)
    item_page = client.get(reverse("tracking:item", args=[desk.project_item().pk])).content.decode()
    assert "国有土地使用权出让合同" in item_page


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"conditions": ""}, "conditions", "请逐条列出办理条件"),
        ({"opinion": "  "}, "opinion", "请填写处理意见"),
        ({"obstacles": "规划条件未确定", "remedies": ""}, "remedies", "须同时告知企业陈述申辩及救济途径"),
        ({"signed_on": "2999-01-01"}, "signed_on", "签字日期不能晚于今天"),
    ],
)
def test_a_bad_reply_is_shown_on_its_field_and_nothing_is_saved(client, desk, overrides, field, message):
    c = desk.raise_()
    before = _footprint()
    client.force_login(desk.guide)
    response = client.post(_url("reply", c), _reply_data(**overrides))
    assert response.status_code == 200
    assert message in " ".join(str(e) for e in response.context["reply_form"].errors[field])
    assert _footprint() == before and Consultation.objects.get().state == S.AWAITING_REPLY
    # what was typed comes back
    assert "国有土地使用权出让合同" in response.content.decode()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"m-0-copies": "0"}, "份数应在 1 到 99 之间"),
        ({"m-1-name": "", "m-1-issuing_body": "某单位"}, "第2项材料的名称"),
        ({"m-1-name": "建设用地规划许可申请表"}, "重复列出"),
        (
            {"m-0-name": "", "m-0-issuing_body": "", "m-1-name": "", "m-1-how_to_obtain": ""},
            "请列出全部申报材料",
        ),
    ],
)
def test_bad_material_rows_are_explained_above_the_table(client, desk, overrides, message):
    c = desk.raise_()
    before = _footprint()
    client.force_login(desk.guide)
    response = client.post(_url("reply", c), _reply_data(**overrides))
    assert message in response.context["materials_error"]
    assert 'data-testid="error-materials"' in response.content.decode()
    assert _footprint() == before


def test_a_supplementary_reply_asks_for_its_reason_through_the_page(client, desk, world):
    c = desk.raise_()
    consultation_reply(actor=desk.guide, consultation=c, form=reply_form())
    consultation_relay(actor=desk.officer, consultation=c)
    client.force_login(desk.guide)
    html = client.get(_url("detail", c)).content.decode()
    assert "补充答复" in html and "国有土地使用权出让合同" in html  # starts from what was told
    extra = _reply_data(**{"m-2-name": "修建性详细规划总平面图", "m-2-form": "original"})
    before = _footprint()
    response = client.post(_url("reply", c), extra)
    html = response.content.decode()
    assert 'data-testid="added-entries"' in html and "材料：修建性详细规划总平面图" in html
    assert response.context["reply_form"].errors["supplementary_reason"]
    assert _footprint() == before
    assert 'value="修建性详细规划总平面图"' in html  # the row is kept for the second try
    response = _post(
        client, desk.guide, _url("reply", c), {**extra, "supplementary_reason": "企业调整了建设方案"}
    )
    assert "意见回复表已提交" in _messages(response)
    reply = OpinionReply.objects.get(seq=2)
    assert reply.is_supplementary and reply.supplementary_reason == "企业调整了建设方案"
    assert reply.added_entries == ["材料：修建性详细规划总平面图"]
    html = response.content.decode()
    assert 'data-testid="supplementary-flag"' in html and "企业调整了建设方案" in html


# Relay, confirm, follow-up, close, withdraw, urge ----------------------------------------------


def test_relay_confirm_follow_up_and_close_through_the_pages(client, desk, world):
    c = desk.raise_()
    consultation_reply(actor=desk.guide, consultation=c, form=reply_form())
    client.force_login(desk.officer)
    html = client.get(_url("detail", c)).content.decode()
    assert (
        'data-testid="relay-form"' in html and "符合办理条件，请按清单准备材料后申报。" in html
    )  # prefilled
    response = _post(client, desk.officer, _url("relay", c), {"text": "您好，请准备以下两项材料。"})
    assert "已转告项目单位" in _messages(response)
    response = _post(client, world.applicant, _url("confirm_read", c))
    assert "已确认阅知" in _messages(response) and 'data-testid="confirmed"' in response.content.decode()
    assert Consultation.objects.get().state == S.CONFIRMED
    response = _post(client, world.applicant, _url("confirm_read", c))  # twice: a warning, nothing new
    assert "已确认过" in _messages(response)
    response = _post(client, desk.officer, _url("follow_up", c), {"action": "已协助企业准备材料"})
    assert "已记录后续办理" in _messages(response) and "已协助企业准备材料" in response.content.decode()
    response = _post(client, desk.officer, _url("close", c), {"note": "已申报"})
    assert Consultation.objects.get().state == S.CLOSED


def test_steps_the_role_may_not_take_show_a_message_and_change_nothing(client, desk, world):
    c = desk.raise_()
    response = _post(client, desk.officer, _url("relay", c), {"text": "x"})
    assert _messages(response) and Consultation.objects.get().state == S.AWAITING_REPLY
    response = _post(client, desk.officer, _url("follow_up", c), {"action": ""})
    assert "请填写后续办理" in _messages(response)
    response = _post(client, desk.officer, _url("withdraw", c), {"reason": ""})
    assert "请填写撤回原因" in _messages(response) and Consultation.objects.get().state == S.AWAITING_REPLY
    response = _post(client, desk.guide, _url("urge", c), {"note": ""})
    assert "只有政务服务中心" in _messages(response)


def test_the_officer_withdraws_and_the_centre_urges(client, desk, world):
    c = desk.raise_()
    client.force_login(world.center_admin)
    assert 'data-testid="do-urge"' in client.get(_url("detail", c)).content.decode()
    response = _post(client, world.center_admin, _url("urge", c), {"note": "请今天答复"})
    assert "已催办" in _messages(response)
    assert Notification.objects.filter(recipient=desk.guide, title__contains="中心催办").exists()
    response = _post(client, desk.officer, _url("withdraw", c), {"reason": "企业暂缓项目"})
    assert "已撤回" in _messages(response) and Consultation.objects.get().state == S.WITHDRAWN


# Downloads ---------------------------------------------------------------------------------------


def test_the_attachment_3_docx_downloads_for_those_who_see_the_reply(client, desk, world):
    c = desk.raise_()
    reply = consultation_reply(actor=desk.guide, consultation=c, form=reply_form())
    url = reverse("consultations:reply_docx", args=[reply.pk])
    client.force_login(desk.officer)
    response = client.get(url)
    assert response.status_code == 200 and response.content[:2] == b"PK"
    assert "attachment" in response["Content-Disposition"] and ".docx" in response["Content-Disposition"]
    for outsider in (world.applicant, world.other_applicant):  # not relayed yet / another enterprise
        client.force_login(outsider)
        assert client.get(url).status_code == 404
    client.force_login(desk.officer)
    assert client.get(reverse("consultations:reply_docx", args=[reply.pk + 999])).status_code == 404


def test_a_supplement_not_yet_relayed_is_not_downloadable_by_the_enterprise(client, desk, world):
    c = desk.raise_()
    first = consultation_reply(actor=desk.guide, consultation=c, form=reply_form())
    consultation_relay(actor=desk.officer, consultation=c)
    consultation_confirm = reverse("consultations:reply_docx", args=[first.pk])
    client.force_login(world.applicant)
    assert client.get(consultation_confirm).status_code == 200
    second = consultation_reply(actor=desk.guide, consultation=c, form=reply_form(opinion="补充说明"))
    assert client.get(reverse("consultations:reply_docx", args=[second.pk])).status_code == 404
