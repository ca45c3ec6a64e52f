"""/api/v1/consultations/{id}/reply: the structured opinion-reply form, one-time notification measured,
and the Attachment 3 downloads."""

from __future__ import annotations

import io
import zipfile

import pytest

from liaison.consultations.models import OpinionReply
from liaison.consultations.services.relay import consultation_relay
from liaison.consultations.services.replies import consultation_reply
from liaison.consultations.tests.builders import reply_form
from liaison.consultations.tests.test_api_support import Caller, footprint, reply_body, state_of

pytestmark = pytest.mark.django_db
MORE = {"name": "建设项目用地预审意见", "form": "copy", "copies": 1}


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.mark.parametrize(
    ("overrides", "status", "field"),
    [
        ({"conditions": []}, 400, "conditions"),
        ({"conditions": ["  "]}, 400, "conditions"),
        ({"materials": []}, 400, "materials"),
        ({"materials": [], "obstacles": "用地性质不符"}, 400, "remedies"),
        ({"opinion": " "}, 400, "opinion"),
        ({"signer_post": ""}, 400, "signer_post"),
        ({"signed_on": "2099-01-01"}, 400, "signed_on"),
        ({"materials": [{"name": "申请表", "form": "photo"}]}, 400, "materials"),
        ({"materials": [{"name": "申请表", "copies": 0}]}, 400, "materials"),
        ({"materials": [{"name": "申请表"}, {"name": " 申请表 "}]}, 400, "materials"),
        ({"materials": [{"name": ""}]}, 400, "materials"),
        ({"materials": [{"name": "申请表", "copies": "两份"}]}, 422, "materials.0.copies"),
        ({"materials": "申请表"}, 422, "materials"),
        ({"signed_on": "昨天"}, 422, "signed_on"),
        ({"opinion": None}, 422, "opinion"),
    ],
)
def test_a_bad_reply_is_refused_with_a_chinese_message_and_nothing_saved(desk, overrides, status, field):
    c = desk.raise_()
    before, state = footprint(), state_of(c)
    response = Caller(desk.guide).post(f"/{c.pk}/reply", reply_body(**overrides))
    assert response.status_code == status, response.json()
    body = response.json()
    assert _has_chinese(body["detail"])
    if status == 400:
        assert body["field"] == field
    else:
        assert field in [e["field"] for e in body["errors"]]
    assert footprint() == before and state_of(c) == state


def test_a_reply_that_cannot_proceed_gives_reasons_and_remedies(desk):
    c = desk.raise_()
    response = Caller(desk.guide).post(
        f"/{c.pk}/reply",
        reply_body(materials=[], obstacles="拟建地块为非建设用地", remedies="可依法申请行政复议"),
    )
    assert response.status_code == 201 and response.json()["materials"] == []
    assert response.json()["obstacles"] == "拟建地块为非建设用地"


def test_a_supplementary_notification_without_a_reason_is_refused_then_flagged(desk, world):
    consultation_reply(actor=desk.guide, consultation=desk.raise_(), form=reply_form())
    later = desk.raise_(subject="方案调整后的补充咨询")
    guide = Caller(desk.guide)
    body = reply_body(materials=[*reply_body()["materials"], MORE], conditions=["新增：取得用地预审意见"])
    before = footprint()
    refused = guide.post(f"/{later.pk}/reply", body)
    assert refused.status_code == 400
    answer = refused.json()
    assert answer["field"] == "supplementary_reason" and "补充告知" in answer["detail"]
    assert answer["errors"]["added"] == ["材料：建设项目用地预审意见", "条件：新增：取得用地预审意见"]
    assert footprint() == before and state_of(later)[0] == "awaiting_reply"

    saved = guide.post(f"/{later.pk}/reply", {**body, "supplementary_reason": "企业变更了建设方案"})
    assert saved.status_code == 201
    reply = saved.json()
    assert reply["is_supplementary"] and reply["supplementary_reason"] == "企业变更了建设方案"
    assert reply["added_entries"] == answer["errors"]["added"]
    record = Caller(world.center_admin).get("/records/guides").json()
    assert [(r["name"], r["first_replies"], r["supplementary"]) for r in record] == [("指导员甲", 2, 1)]


def test_a_later_reply_repeating_what_was_told_is_not_supplementary(desk):
    consultation_reply(actor=desk.guide, consultation=desk.raise_(), form=reply_form())
    later = desk.raise_(subject="再次确认材料")
    body = reply_body(
        conditions=["已取得国有土地使用权 "],  # the same entries, spaced and full-width differently
        materials=[{"name": "国有土地使用权出让合同", "form": "copy"}, {"name": "建设用地规划许可申请表　"}],
    )
    response = Caller(desk.guide).post(f"/{later.pk}/reply", body)
    assert response.status_code == 201, response.json()
    assert response.json()["is_supplementary"] is False and response.json()["added_entries"] == []


def test_a_supplementary_reply_on_the_same_consultation_is_measured_too(desk):
    c = desk.raise_()
    guide = Caller(desk.guide)
    assert guide.post(f"/{c.pk}/reply", reply_body()).status_code == 201
    assert guide.get(f"/{c.pk}").json()["transitions"] == [{"name": "supplement", "label": "补充答复"}]
    repeat = guide.post(f"/{c.pk}/reply", reply_body(opinion="补充说明办理地点"))
    assert repeat.status_code == 201 and repeat.json()["seq"] == 2 and not repeat.json()["is_supplementary"]
    more = reply_body(materials=[MORE])
    assert guide.post(f"/{c.pk}/reply", more).json()["field"] == "supplementary_reason"
    flagged = guide.post(f"/{c.pk}/reply", {**more, "supplementary_reason": "企业增加了地下室"})
    assert flagged.status_code == 201 and flagged.json()["seq"] == 3 and flagged.json()["is_supplementary"]
    assert [r["seq"] for r in guide.get(f"/{c.pk}").json()["replies"]] == [1, 2, 3]


def test_attachment_3_downloads_as_docx_and_pdf_for_those_who_may_read_the_reply(desk, world):
    c = desk.raise_()
    reply = consultation_reply(actor=desk.guide, consultation=c, form=reply_form())
    url = f"/{c.pk}/replies/{reply.pk}/document"
    docx = Caller(desk.guide).get(url + ".docx")
    assert docx.status_code == 200
    assert docx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in docx["Content-Disposition"] and ".docx" in docx["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(docx.content)) as archive:
        xml = archive.read("word/document.xml").decode()
    assert "建设用地规划许可申请表" in xml and c.number in xml
    applicant = Caller(world.applicant)
    assert applicant.get(url + ".pdf").status_code == 404  # not relayed yet
    consultation_relay(actor=desk.officer, consultation=c)
    pdf = applicant.get(url + ".pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf" and pdf.content[:5] == b"%PDF-"
    assert Caller(world.other_applicant).get(url + ".docx").status_code == 404
    other = desk.raise_()
    assert Caller(desk.guide).get(f"/{other.pk}/replies/{reply.pk}/document.docx").status_code == 404
    assert OpinionReply.objects.count() == 1
