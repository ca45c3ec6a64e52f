"""In a real browser: the centre's leader defines a method and publishes it, opens this quarter, computes
it, adjusts one officer's score with a reason and publishes; the officer then sees their own result —
and only theirs — with the adjustment beside the computed score."""

from __future__ import annotations

import pytest

from liaison.assessment.models import AssessmentPeriod, PeriodState, SubjectKind
from liaison.assessment.tests.support import staffed
from liaison.audit.models import AuditEvent
from liaison.testing.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_leader_assesses_a_quarter_and_the_officer_reads_their_result(
    page, live_server, world, department, other_department
):
    w, base = world, live_server.url
    staffed(w, department, other_department)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    sign_in(page, base, w.center_leader, "/assessment/methods/")
    page.click('[data-testid="method-new"]')
    page.fill("#id_explanation", "依据实施细则第二十四条制定。")
    page.fill('[data-testid="w-officer.load"]', "15")
    page.click('[data-testid="method-save"]')
    page.wait_for_selector(".alert-danger")  # the method needs its title; what was typed stays
    assert page.input_value('[data-testid="w-officer.load"]') == "15"
    page.fill("#id_title", "政务服务联络官服务考核办法")
    page.click('[data-testid="method-save"]')
    page.click('[data-testid="method-publish"]')
    page.wait_for_selector('[data-testid="method-state"]:has-text("现行")')
    assert "事项按时办结率" in page.inner_text('[data-testid="indicators-officer"]')

    page.goto(f"{base}/assessment/")
    page.select_option("#id_kind", "quarter")
    page.click('[data-testid="period-create"]')
    page.click('[data-testid="period-row"] a')
    page.click('[data-testid="period-compute"]')
    page.wait_for_selector('[data-testid="period-state"]:has-text("已计算")')
    period = AssessmentPeriod.objects.get()
    mine = period.results.get(subject_kind=SubjectKind.OFFICER, user=w.officer_user)
    page.click(f"a[href='/assessment/results/{mine.pk}/']")
    page.fill("#id_score", "96.5")
    page.click('[data-testid="adjust-submit"]')
    page.wait_for_selector(".alert-danger")  # the reason is required
    page.fill("#id_score", "96.5")
    page.fill("#id_reason", "承担区重点项目攻坚任务")
    page.click('[data-testid="adjust-submit"]')
    page.wait_for_selector('[data-testid="adjustment-reason"]')
    assert page.inner_text('[data-testid="adjusted-score"]').strip() == "96.50"
    page.goto(f"{base}/assessment/periods/{period.pk}/")
    page.click('[data-testid="period-publish"]')
    page.wait_for_selector('[data-testid="period-state"]:has-text("已发布")')
    assert AssessmentPeriod.objects.get().state == PeriodState.PUBLISHED
    assert AuditEvent.objects.filter(action="assessment.result_adjust", actor=w.center_leader).count() == 1

    sign_in(page, base, w.officer_user, "/assessment/")
    page.click('[data-testid="period-row"] a')
    page.wait_for_selector('[data-testid="period-state"]')  # the period's page has loaded, not just its URL
    rows = page.locator('[data-testid="result-row"]')
    assert rows.count() == 1
    assert "96.50" in rows.first.inner_text() and "承担区重点项目攻坚任务" in rows.first.inner_text()
    rows.first.locator("a").click()
    assert page.inner_text('[data-testid="computed-score"]').strip() == str(mine.computed_score)
    assert not page.locator('[data-testid="adjust"]').count()
    assert not errors
