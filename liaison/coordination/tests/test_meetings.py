"""Progress meetings (Art. 17): the centre prepares one with the briefing's figures and the difficulties
being worked on as topics, refreshes it until held, records minutes and opinions; the briefing opens as
a Word document (and converts to PDF in LibreOffice); who may read and who may write."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from liaison.audit.models import AuditEvent
from liaison.coordination.models import Meeting, MeetingTopic
from liaison.coordination.services.difficulties import difficulty_raise, difficulty_step
from liaison.coordination.services.meetings import meeting_minutes, meeting_prepare, meeting_refresh
from liaison.core.documents import docx_to_pdf
from liaison.core.errors import DomainError, PermissionDenied
from liaison.intake.tests.test_views_support import docx_text, pdf_text
from liaison.tracking.lights import tracking_settings

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 12, 3)


def _difficulty(case, title="审图意见反复", report=False):
    d = difficulty_raise(
        actor=case.world.officer_user,
        project=case.project,
        title=title,
        description="说明",
        analysis="分析",
        proposal="建议",
    )
    if report:
        d = difficulty_step(actor=case.world.officer_user, difficulty=d, name="report", comment="需协调")
    return d


def test_preparing_takes_the_briefing_and_gathers_the_difficulties_being_worked_on(case):
    tracking_settings()
    w = case.world
    open_one, reported = _difficulty(case, "甲"), _difficulty(case, "乙", report=True)
    done = difficulty_step(
        actor=w.officer_user, difficulty=_difficulty(case, "丙"), name="resolve", comment="已解决"
    )
    meeting = meeting_prepare(actor=w.center_admin, held_on=DAY, place="中心三楼会议室", chair="钱志远")

    assert meeting.title == "2026年第1次服务项目推进工作例会"
    assert set(meeting.topics.values_list("difficulty_id", flat=True)) == {open_one.pk, reported.pk}
    assert done.pk not in set(meeting.topics.values_list("difficulty_id", flat=True))
    b = meeting.briefing
    assert b["projects"] == 2  # the planned project and the other officer's
    assert dict(b["difficulties"])["已办结"] == 1 and dict(b["difficulties"])["已上报中心"] == 1
    assert sum(b["items"]) == 1  # the one planned item
    assert meeting_prepare(actor=w.center_admin, held_on=DAY).title == "2026年第2次服务项目推进工作例会"
    assert AuditEvent.objects.filter(action="meeting.prepare").count() == 2


def test_refresh_adds_new_difficulties_until_the_meeting_is_held(case):
    w = case.world
    meeting = meeting_prepare(actor=w.center_admin, held_on=DAY)
    assert meeting.topics.count() == 0
    late = _difficulty(case, "会前新增")
    meeting = meeting_refresh(actor=w.center_admin, meeting=meeting)
    assert list(meeting.topics.values_list("difficulty_id", flat=True)) == [late.pk]
    assert dict(meeting.briefing["difficulties"])["联络官协调中"] == 1
    meeting_minutes(actor=w.center_admin, meeting=meeting, minutes="会议听取了通报。")
    with pytest.raises(DomainError):
        meeting_refresh(actor=w.center_admin, meeting=meeting)


def test_minutes_and_opinions_are_recorded_and_bad_input_saves_nothing(case):
    w = case.world
    d = _difficulty(case, report=True)
    meeting = meeting_prepare(actor=w.center_admin, held_on=DAY)
    topic = meeting.topics.get()
    with pytest.raises(DomainError) as refused:
        meeting_minutes(actor=w.center_admin, meeting=meeting, minutes=" ", opinions={topic.pk: "意见"})
    assert refused.value.field == "minutes"
    with pytest.raises(DomainError) as refused:
        meeting_minutes(actor=w.center_admin, meeting=meeting, minutes="纪要", opinions={999999: "意见"})
    assert refused.value.field == "opinions"
    assert (
        MeetingTopic.objects.get(pk=topic.pk).opinion == ""
        and Meeting.objects.get(pk=meeting.pk).state == "planned"
    )
    for user in (w.officer_user, w.center_leader, w.project_office):
        with pytest.raises(PermissionDenied):
            meeting_minutes(actor=user, meeting=meeting, minutes="纪要")
    held = meeting_minutes(
        actor=w.center_admin,
        meeting=meeting,
        minutes="会议要求住建局牵头。",
        opinions={topic.pk: "由住建局牵头会商"},
    )
    assert held.state == "held" and MeetingTopic.objects.get(pk=topic.pk).opinion == "由住建局牵头会商"
    assert d.pk == topic.difficulty_id
    with pytest.raises(DomainError) as refused:
        meeting_prepare(actor=w.center_admin, held_on=None)
    assert refused.value.field == "held_on"


def test_the_briefing_is_a_word_document_that_libreoffice_opens(client, case, tmp_path):
    w = case.world
    _difficulty(case, "人防与消防验收顺序", report=True)
    meeting = meeting_prepare(actor=w.center_admin, held_on=DAY, place="中心三楼会议室")
    meeting_minutes(
        actor=w.center_admin,
        meeting=meeting,
        minutes="一、听取通报。\n二、明确验收顺序。",
        opinions={meeting.topics.get().pk: "先人防后消防"},
    )
    client.force_login(w.officer_user)
    response = client.get(reverse("coordination:meeting_docx", args=[meeting.pk]))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxml")
    text = docx_text(response.content)
    for expected in (
        "服务项目推进工作例会通报",
        "中心三楼会议室",
        "人防与消防验收顺序",
        "先人防后消防",
        "明确验收顺序",
    ):
        assert expected in text
    pdf = pdf_text(docx_to_pdf(response.content), tmp_path).replace(" ", "")
    assert "服务项目推进工作例会通报" in pdf and "先人防后消防" in pdf


def test_pages_who_reads_who_writes(client, case):
    w = case.world
    _difficulty(case, report=True)
    client.force_login(w.center_admin)
    form = client.post(reverse("coordination:meeting_new"), {"held_on": "", "place": "x"})
    assert form.status_code == 400 and "请填写会议日期。" in form.content.decode()
    made = client.post(reverse("coordination:meeting_new"), {"held_on": "2026-12-03", "place": "中心三楼"})
    meeting = Meeting.objects.get()
    assert made.status_code == 302
    page = client.get(reverse("coordination:meeting", args=[meeting.pk])).content.decode()
    assert 'data-testid="minutes-form"' in page and 'data-testid="briefing-stages"' in page
    topic = meeting.topics.get()
    bad = client.post(reverse("coordination:meeting_minutes", args=[meeting.pk]), {"minutes": ""})
    assert bad.status_code == 400 and "请填写会议纪要。" in bad.content.decode()
    client.post(
        reverse("coordination:meeting_minutes", args=[meeting.pk]),
        {"minutes": "纪要正文", f"opinion_{topic.pk}": "会议意见正文"},
    )
    assert Meeting.objects.get().state == "held"

    client.force_login(w.officer_user)
    page = client.get(reverse("coordination:meeting", args=[meeting.pk])).content.decode()
    assert "纪要正文" in page and "会议意见正文" in page and 'data-testid="minutes-form"' not in page
    assert client.get(reverse("coordination:meeting_new")).status_code == 404
    assert (
        client.post(reverse("coordination:meeting_minutes", args=[meeting.pk]), {"minutes": "改"}).status_code
        == 302
    )
    assert Meeting.objects.get().minutes == "纪要正文"
    for user in (w.applicant, w.guide):
        client.force_login(user)
        assert client.get(reverse("coordination:meetings")).status_code == 404
        assert client.get(reverse("coordination:meeting", args=[meeting.pk])).status_code == 404
        assert client.get(reverse("coordination:meeting_docx", args=[meeting.pk])).status_code == 404


def test_the_meetings_api(client, case):
    w = case.world
    _difficulty(case, report=True)
    client.force_login(w.center_admin)
    bad = client.post("/api/v1/coordination/meetings", {"place": "x"}, content_type="application/json")
    assert bad.status_code == 422
    made = client.post(
        "/api/v1/coordination/meetings",
        {"held_on": "2026-12-03", "place": "中心三楼"},
        content_type="application/json",
    )
    assert made.status_code == 201, made.content
    body = made.json()
    assert body["title"] == "2026年第1次服务项目推进工作例会" and len(body["topics"]) == 1
    assert body["briefing"]["projects"] == 2
    topic = body["topics"][0]["id"]
    url = f"/api/v1/coordination/meetings/{body['id']}"
    empty = client.put(f"{url}/minutes", {"minutes": " "}, content_type="application/json")
    assert empty.status_code == 400 and empty.json()["field"] == "minutes"
    held = client.put(
        f"{url}/minutes",
        {"minutes": "纪要", "opinions": {str(topic): "意见"}},
        content_type="application/json",
    )
    assert held.json()["state"] == "held" and held.json()["topics"][0]["opinion"] == "意见"
    assert client.post(f"{url}/refresh").status_code == 400  # held: the figures stay as shown

    client.force_login(w.officer_user)
    assert client.get(url).json()["minutes"] == "纪要"
    assert [m["id"] for m in client.get("/api/v1/coordination/meetings").json()["items"]] == [body["id"]]
    assert client.put(f"{url}/minutes", {"minutes": "改"}, content_type="application/json").status_code == 403
    client.force_login(w.applicant)
    assert client.get(url).status_code == 404
    assert client.get("/api/v1/coordination/meetings").status_code == 404


def test_text_with_control_characters_pasted_from_word_still_downloads(client, case):
    w = case.world
    meeting = meeting_prepare(actor=w.center_admin, held_on=DAY, attendees="张三\x0b李四")
    meeting_minutes(actor=w.center_admin, meeting=meeting, minutes="第一项\x0b第二项\x07")
    client.force_login(w.center_admin)
    response = client.get(reverse("coordination:meeting_docx", args=[meeting.pk]))
    assert response.status_code == 200
    text = docx_text(response.content)
    assert "张三 李四" in text and "第一项" in text and "第二项" in text


def test_an_officer_posting_minutes_is_told_why_not(client, case):
    meeting = meeting_prepare(actor=case.world.center_admin, held_on=DAY)
    client.force_login(case.world.officer_user)
    response = client.post(
        reverse("coordination:meeting_minutes", args=[meeting.pk]), {"minutes": "改"}, follow=True
    )
    assert "只有政务服务中心工作人员可以筹备和记录例会" in response.content.decode()
    assert Meeting.objects.get().minutes == ""
