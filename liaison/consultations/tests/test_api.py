"""/api/v1/consultations: every step of a consultation through HTTP, by the same services as the pages."""

from __future__ import annotations

import pytest
from django.utils import timezone

from liaison.consultations.models import Consultation, ConsultationState
from liaison.consultations.services.replies import consultation_reply
from liaison.consultations.tests.builders import reply_form
from liaison.consultations.tests.test_api_support import (
    Caller,
    footprint,
    raise_body,
    reply_body,
    state_of,
)
from liaison.tracking.models import MaterialSubmission

pytestmark = pytest.mark.django_db
S = ConsultationState


def test_the_whole_consultation_through_the_api(desk, world):
    officer, guide, other_guide = Caller(desk.officer), Caller(desk.guide), Caller(desk.other_guide)
    today = timezone.localdate()
    body = raise_body(
        desk, held_on=today.isoformat(), participants="联络官甲、指导员甲", contact_notes="电话沟通用地情况"
    )
    raised = officer.post("/", body)
    assert raised.status_code == 201, raised.json()
    c = raised.json()
    assert (
        c["state"] == "awaiting_reply" and c["guide_name"] == "指导员甲" and c["channel_label"] == "电话联络"
    )
    assert c["light"] in {"green", "yellow"} and c["reply_due"] and c["held_on"] == today.isoformat()
    assert [t["name"] for t in c["transitions"]] == ["withdraw"]
    url = f"/{c['id']}"

    forwarded = guide.post(url + "/forward", {"to_item": desk.other_item.pk, "note": "属自然资源局事项"})
    assert forwarded.status_code == 200, forwarded.json()
    body = forwarded.json()
    assert body["state"] == "forwarded" and body["guide_name"] == "指导员丙"
    assert body["first_contact_name"] == "指导员甲" and body["awaiting_acceptance"]["to_guide"] == "指导员丙"
    assert body["chain"][0]["from_item"]["code"] == "DRC-A" and body["chain"][0]["accepted_at"] is None

    accepted = other_guide.post(url + "/accept-forward")
    assert accepted.status_code == 200 and accepted.json()["state"] == "awaiting_reply"
    assert accepted.json()["awaiting_acceptance"] is None and accepted.json()["chain"][0]["accepted_at"]

    replied = other_guide.post(url + "/reply", reply_body(signer_name="指导员丙"))
    assert replied.status_code == 201, replied.json()
    reply = replied.json()
    assert reply["seq"] == 1 and not reply["is_supplementary"] and reply["department"] == "区自然资源局"
    assert [m["name"] for m in reply["materials"]] == ["建设用地规划许可申请表", "国有土地使用权出让合同"]
    assert all(m["submission_id"] for m in reply["materials"])
    checklist = MaterialSubmission.objects.filter(project_item=desk.project_item(desk.other_item))
    assert {"建设用地规划许可申请表", "国有土地使用权出让合同"} <= set(
        checklist.values_list("name", flat=True)
    )

    relayed = officer.post(url + "/relay", {"text": "请准备两项材料，5个工作日办结。"})
    assert relayed.status_code == 200 and relayed.json()["state"] == "relayed"
    assert relayed.json()["relayed_text"] == "请准备两项材料，5个工作日办结。"

    applicant = Caller(world.applicant, token=True)  # an integration signs in with its token
    seen = applicant.get(url).json()
    assert seen["can_confirm_read"] and len(seen["replies"]) == 1
    confirmed = applicant.post(url + "/confirm-read")
    assert confirmed.status_code == 200 and confirmed.json()["state"] == "confirmed"
    assert confirmed.json()["can_confirm_read"] is False
    assert applicant.post(url + "/confirm-read").status_code == 409

    followed = officer.post(url + "/follow-up", {"action": "已陪同企业到窗口提交材料"})
    assert followed.status_code == 201 and followed.json()["officer"] == "联络官甲"
    closed = officer.post(url + "/close", {"note": "企业已按意见申报"})
    assert closed.status_code == 200 and closed.json()["state"] == "closed"

    detail = officer.get(url).json()
    assert [e["kind"] for e in detail["events"]] == [
        "raised",
        "forwarded",
        "forward_accepted",
        "replied",
        "relayed",
        "confirmed",
        "follow_up",
        "closed",
    ]
    assert detail["replies"][0]["materials"][1]["copies"] == 2
    assert detail["receipts"][0]["relay_seq"] == 1
    assert detail["follow_ups"][0]["action"] == "已陪同企业到窗口提交材料"
    assert detail["transitions"] == [] and detail["end_note"] == "企业已按意见申报"


def test_raising_with_bad_input_is_a_clear_error_and_saves_nothing(desk):
    officer = Caller(desk.officer)
    before = footprint()
    cases = [
        (raise_body(desk, subject="  "), 400, "subject"),
        (raise_body(desk, channel="fax"), 400, "channel"),
        (raise_body(desk, channel="online", held_on=timezone.localdate().isoformat()), 400, "held_on"),
        (raise_body(desk, held_on=timezone.localdate().isoformat()), 400, "contact_notes"),
        (raise_body(desk, project_items=[], approval_item=None), 400, "approval_item"),
        (raise_body(desk, approval_item=999999), 400, "approval_item"),
        (raise_body(desk, approval_item=desk.other_item.pk), 400, "approval_item"),
        (raise_body(desk, project_items=[999999]), 400, "project_items"),
        (raise_body(desk, wanted_reply_by="2020-01-01"), 400, "wanted_reply_by"),
    ]
    for body, status, field in cases:
        response = officer.post("/", body)
        assert response.status_code == status, (body, response.json())
        assert response.json()["field"] == field and any(
            "\u4e00" <= ch <= "\u9fff" for ch in response.json()["detail"]
        )
    malformed = officer.post("/", raise_body(desk, held_on="yesterday"))
    assert malformed.status_code == 422 and "日期格式" in malformed.json()["detail"]
    missing = officer.post("/", {"project_id": desk.project.pk})
    assert missing.status_code == 422 and "必填" in missing.json()["detail"]
    assert footprint() == before


def test_only_the_assigned_officer_raises(desk, world):
    body = raise_body(desk)
    assert Caller(world.applicant).post("/", body).status_code == 403
    assert Caller(desk.guide).post("/", body).status_code == 404  # a guide does not see the project
    assert Caller(world.center_admin).post("/", body).status_code == 403
    assert Caller(world.other_applicant).post("/", body).status_code == 404
    assert not Consultation.objects.exists()


def test_forward_refusals_name_the_field_and_change_nothing(desk):
    c = desk.raise_()
    guide = Caller(desk.guide)
    before, state = footprint(), state_of(c)
    same = guide.post(f"/{c.pk}/forward", {"to_item": desk.item.pk, "note": "转"})
    assert same.status_code == 400 and same.json()["field"] == "to_item"
    unknown = guide.post(f"/{c.pk}/forward", {"to_item": 999999, "note": "转"})
    assert unknown.status_code == 400 and unknown.json()["detail"] == "所选审批事项不存在。"
    no_note = guide.post(f"/{c.pk}/forward", {"to_item": desk.other_item.pk, "note": " "})
    assert no_note.status_code == 400 and no_note.json()["field"] == "note"
    by_officer = Caller(desk.officer).post(f"/{c.pk}/forward", {"to_item": desk.other_item.pk, "note": "转"})
    assert by_officer.status_code == 403 and "转办" in by_officer.json()["detail"]
    not_forwarded = Caller(desk.other_guide).post(f"/{c.pk}/accept-forward")
    assert not_forwarded.status_code == 404
    assert guide.post(f"/{c.pk}/accept-forward").status_code == 400  # not forwarded: nothing to accept
    assert footprint() == before and state_of(c) == state


def test_withdraw_needs_a_reason_and_ends_the_wait(desk):
    c = desk.raise_()
    officer = Caller(desk.officer)
    before = footprint()
    empty = officer.post(f"/{c.pk}/withdraw", {"reason": ""})
    assert empty.status_code == 400 and empty.json()["field"] == "reason" and footprint() == before
    assert officer.post(f"/{c.pk}/withdraw", {}).status_code == 422
    assert Caller(desk.guide).post(f"/{c.pk}/withdraw", {"reason": "不需要了"}).status_code == 403
    done = officer.post(f"/{c.pk}/withdraw", {"reason": "企业调整方案，暂不咨询"})
    assert done.status_code == 200 and done.json()["state"] == "withdrawn" and done.json()["light"] == "none"
    again = officer.post(f"/{c.pk}/withdraw", {"reason": "再撤一次"})
    assert again.status_code == 400 and "已撤回" in again.json()["detail"]


def test_relay_follow_up_and_close_in_their_order(desk, world):
    c = desk.raise_()
    officer = Caller(desk.officer)
    too_early = officer.post(f"/{c.pk}/relay", {"text": "先转告"})
    assert too_early.status_code == 400 and "待回复" in too_early.json()["detail"]
    assert officer.post(f"/{c.pk}/close", {}).status_code == 400
    assert officer.post(f"/{c.pk}/follow-up", {"action": "陪同"}).status_code == 400
    consultation_reply(actor=desk.guide, consultation=c, form=reply_form())
    assert Caller(desk.guide).post(f"/{c.pk}/relay", {}).status_code == 403
    plain = officer.post(f"/{c.pk}/relay", {})
    assert plain.json()["relayed_text"] == reply_form().opinion  # nothing rewritten: the opinion as replied
    before = footprint()
    blank = officer.post(f"/{c.pk}/follow-up", {"action": ""})
    assert blank.status_code == 400 and blank.json()["field"] == "action" and footprint() == before
    assert Caller(world.applicant).post(f"/{c.pk}/follow-up", {"action": "自行办理"}).status_code == 403
    assert Caller(world.applicant).post(f"/{c.pk}/close", {}).status_code == 403
    assert officer.post(f"/{c.pk}/close", {}).json()["state"] == "closed"


def test_the_centre_urges_a_waiting_consultation(desk, world):
    c = desk.raise_()
    assert Caller(desk.officer).post(f"/{c.pk}/urge", {"note": "快点"}).status_code == 403
    centre = Caller(world.center_admin)
    assert centre.get(f"/{c.pk}").json()["can_urge"] is True
    urged = centre.post(f"/{c.pk}/urge", {"note": "请今日内答复"})
    assert urged.status_code == 200 and urged.json()["events"][-1]["kind"] == "urged"
    assert urged.json()["events"][-1]["note"] == "请今日内答复"
    consultation_reply(actor=desk.guide, consultation=c, form=reply_form())
    replied = centre.post(f"/{c.pk}/urge", {})
    assert replied.status_code == 403 and "待回复" in replied.json()["detail"]


def test_the_api_needs_authentication(desk):
    c = desk.raise_()
    from django.test import Client

    anonymous = Client()
    assert anonymous.get("/api/v1/consultations/").status_code == 401
    response = anonymous.post(
        f"/api/v1/consultations/{c.pk}/withdraw", {"reason": "x"}, content_type="application/json"
    )
    assert response.status_code == 401 and response.json()["detail"] == "未登录或令牌无效。"
    assert state_of(c)[0] == S.AWAITING_REPLY
