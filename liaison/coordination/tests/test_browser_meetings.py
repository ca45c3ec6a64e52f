"""In a real browser (Art. 17): the centre prepares a progress meeting, reads the briefing and the
difficulty put before it, records the minutes and the meeting's opinion, downloads the briefing as Word
and assigns an action to the officer; the officer reads the minutes and records the action done."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone

from liaison.coordination.models import Meeting, MeetingAction
from liaison.coordination.services.difficulties import difficulty_raise, difficulty_step
from liaison.intake.tests.test_views_support import docx_text
from liaison.testing.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_centre_holds_a_progress_meeting_and_an_officer_reads_its_minutes(page, live_server, case):
    w, base = case.world, live_server.url
    d = difficulty_raise(
        actor=w.officer_user,
        project=case.project,
        title="供水接入点与规划条件不一致",
        description="说明",
        analysis="分析",
        proposal="建议",
    )
    difficulty_step(actor=w.officer_user, difficulty=d, name="report", comment="需中心协调")
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    sign_in(page, base, w.center_admin, "/coordination/meetings/")
    page.click('[data-testid="meeting-new"]')
    page.fill("#id_held_on", "2026-12-03")
    page.fill("#id_place", "中心三楼会议室")
    page.fill("#id_chair", "钱志远")
    page.click('[data-testid="meeting-submit"]')
    page.wait_for_selector('[data-testid="briefing"]')
    meeting = Meeting.objects.get()
    assert "2026年第1次服务项目推进工作例会" in page.inner_text("h1")
    assert "已上报中心 1" in page.inner_text('[data-testid="briefing-difficulties"]')
    assert "供水接入点与规划条件不一致" in page.inner_text('[data-testid="topics"]')

    topic = meeting.topics.get()
    page.fill(f"#id_opinion_{topic.pk}", "请自然资源局与供水公司现场核对，一周内反馈。")
    page.fill("#id_minutes", "会议听取了项目服务情况通报，研究了供水接入问题。")
    page.click('[data-testid="minutes-submit"]')
    page.wait_for_selector(".alert-success")
    assert page.inner_text('[data-testid="meeting-state"]') == "已召开"

    with page.expect_download() as download:
        page.click('[data-testid="meeting-docx"]')
    text = docx_text(Path(download.value.path()).read_bytes())
    assert "请自然资源局与供水公司现场核对" in text and "服务项目推进工作例会通报" in text

    # the meeting's action: the officer is made responsible for the on-site check
    page.fill("#id_description", "会同供水公司和规划分局现场核对接入点")
    page.select_option("#id_owner", str(w.officer_user.pk))
    page.fill("#id_due_on", (timezone.localdate() + dt.timedelta(days=7)).isoformat())
    page.select_option("#id_difficulty", str(d.pk))
    page.click('[data-testid="action-submit"]')
    page.wait_for_selector(".alert-success")
    action = MeetingAction.objects.get()
    assert "会同供水公司" in page.inner_text('[data-testid="actions"]')

    sign_in(page, base, w.officer_user, f"/coordination/meetings/{meeting.pk}/")
    assert "研究了供水接入问题" in page.inner_text('[data-testid="minutes"]')
    assert "一周内反馈" in page.inner_text(f'[data-testid="topic-{topic.pk}"]')
    assert page.locator('[data-testid="minutes-form"]').count() == 0

    # the officer records the action done from the 督办事项 page
    page.goto(f"{base}/coordination/actions/?show=mine")
    page.click(f'[data-testid="action-done-open-{action.pk}"]')
    page.fill(f'[data-testid="action-{action.pk}"] textarea', "已现场核对，接入点调整至规划红线内。")
    page.click(f'[data-testid="action-done-{action.pk}"]')
    page.wait_for_selector(".alert-success")
    assert page.inner_text(f'[data-testid="action-{action.pk}"] [data-testid="action-state"]') == "已完成"
    assert not errors
