"""In a real browser (Art. 18–19): the officer records a difficulty on the project and reports it; the
centre proposes it for the district project office as a major issue and the centre's leader approves;
the office concludes; the centre feeds the result back; the enterprise reads the outcome on its
project's page."""

from __future__ import annotations

import pytest

from liaison.coordination.models import Difficulty
from liaison.testing.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def act(page, name: str, comment: str, category: str = "") -> None:
    card = f'[data-testid="action-{name}"]'
    if category:
        page.select_option(f"{card} select", category)
    page.fill(f"{card} textarea", comment)
    page.click(f'[data-testid="do-{name}"]')
    page.wait_for_selector(".alert-success")


def test_a_difficulty_goes_from_the_officer_to_the_project_office_and_back(page, live_server, case):
    w, base = case.world, live_server.url
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    # the officer opens the project's tracking page, follows 难点问题 and records one
    sign_in(page, base, w.officer_user, f"/tracking/projects/{case.project.pk}/")
    page.click('[data-testid="difficulties-link"]')
    page.fill("#id_title", "人防与消防验收顺序不明确")
    page.select_option("#id_project_item", str(case.item.pk))
    page.fill("#id_description", "两部门对验收先后意见不一，项目无法安排竣工验收。")
    page.fill("#id_analysis", "两部门依据的文件对牵头部门规定不一致。")
    page.fill("#id_proposal", "请中心组织会商。")
    page.click('[data-testid="raise-submit"]')
    page.wait_for_selector('[data-testid="action-report"]')
    d = Difficulty.objects.get()
    assert page.inner_text('[data-testid="difficulty-state"]') == "联络官协调中"
    act(page, "report", "已分别与两部门沟通，仍需中心协调。")
    assert page.inner_text('[data-testid="difficulty-state"]') == "已上报中心"

    # the centre finds it under 已上报中心 and proposes it for the project office (Art. 18 (1));
    # the centre's leader approves
    sign_in(page, base, w.center_admin, "/coordination/difficulties/?state=reported")
    page.click(f'[data-testid="difficulty-{d.pk}"] a >> nth=0')
    act(page, "escalate", "附两部门书面意见。", category="overlapping_duties")
    assert "部门职能交叉" in page.inner_text('[data-testid="category"]')
    assert page.inner_text('[data-testid="difficulty-state"]') == "待中心负责人审核提交"
    sign_in(page, base, w.center_leader, f"/coordination/difficulties/{d.pk}/")
    act(page, "approve_escalation", "同意提交区项目办。")
    assert page.inner_text('[data-testid="difficulty-state"]') == "已提交区项目办"

    # the project office concludes
    sign_in(page, base, w.project_office, f"/coordination/difficulties/{d.pk}/")
    act(page, "progress", "已列入重点项目推进会议议题。")
    act(page, "conclude", "会议明确：先人防后消防，住建局牵头。")

    # the centre feeds back to the officer and the enterprise
    sign_in(page, base, w.center_admin, f"/coordination/difficulties/{d.pk}/")
    act(page, "feed_back", "会议明确先人防后消防，住建局牵头，请按此安排验收。")
    history = page.inner_text('[data-testid="history"]')
    for label in (
        "登记",
        "上报中心",
        "提请提交区项目办",
        "批准提交区项目办",
        "记录协调进展",
        "协调完毕",
        "反馈联络官和项目单位",
    ):
        assert label in history

    # the enterprise reads the outcome, not the internal history
    sign_in(page, base, w.applicant, f"/coordination/projects/{case.project.pk}/difficulties/")
    page.click(f'[data-testid="difficulty-{d.pk}"] a >> nth=0')
    assert "先人防后消防" in page.inner_text('[data-testid="outcome"]')
    assert page.locator('[data-testid="history"]').count() == 0
    summary = page.inner_text('[data-testid="summary"]')
    assert "两部门对验收先后意见不一" not in summary and "牵头部门规定不一致" not in summary
    assert not errors
