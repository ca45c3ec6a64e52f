"""In a real browser: the enterprise gives a completed service a bad review with a reason, the centre
verifies it and assigns rectification to the officer, the officer reports, the centre records that the
evaluator accepts and the follow-up closes; the officer's record shows the review without the evaluator.
And a return visit recorded with its satisfaction survey."""

from __future__ import annotations

import pytest

from liaison.evaluation.models import FollowUp, ReturnVisit, SurveyAnswer, SurveyQuestion
from liaison.evaluation.tests.support import complete_service
from liaison.testing.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_bad_review_is_verified_rectified_and_returned_to(page, live_server, case):
    w, base = case.world, live_server.url
    inv = complete_service(case)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    sign_in(page, base, w.applicant, "/evaluation/")
    page.click('[data-testid="evaluate-link"]')
    page.click("label[for='level-2']")
    page.click('[data-testid="evaluate-submit"]')
    page.wait_for_selector(".alert-danger")  # a bad review needs its reason
    page.click("label[for='level-2']")
    page.locator('[data-testid="reasons"] input').first.check()
    page.fill("#id_text", "材料多次往返，沟通不及时")
    page.click('[data-testid="evaluate-submit"]')
    page.wait_for_selector('[data-testid="my-level"]')
    assert "不满意" in page.inner_text('[data-testid="my-level"]')
    follow_up = FollowUp.objects.get(evaluation__invitation=inv)

    sign_in(page, base, w.center_admin, f"/evaluation/follow-ups/{follow_up.pk}/")
    page.fill("#confirm-verification", "电话回访核实，情况属实")
    page.select_option("#confirm-responsible", "officer")
    page.fill("#confirm-asked", "建立每周沟通机制，材料一次性告知")
    page.click('[data-testid="submit-confirm"]')
    page.wait_for_selector('[data-state="rectifying"]')

    sign_in(page, base, w.officer_user, "/evaluation/follow-ups/?open=1")
    page.click(f"a[href='/evaluation/follow-ups/{follow_up.pk}/']")
    page.fill("#report-text", "已建立每周沟通机制，并向企业书面说明")
    page.click('[data-testid="submit-report"]')
    page.wait_for_selector('[data-state="returning"]')

    sign_in(page, base, w.center_admin, f"/evaluation/follow-ups/{follow_up.pk}/")
    page.fill("#close-note", "回访企业负责人，认可整改")
    page.check("#accepts-yes")
    page.click('[data-testid="submit-close"]')
    page.wait_for_selector('[data-state="closed"]')
    assert "评价人认可整改" in page.inner_text('[data-testid="return-note"]')

    sign_in(page, base, w.officer_user, f"/officers/{w.officer.pk}/")
    panel = page.inner_text('[data-testid="officer-evaluations"]')
    assert "材料多次往返" in panel and "不满意" in panel
    assert (w.applicant.full_name or w.applicant.username) not in page.content()
    assert not errors


def test_a_return_visit_is_recorded_with_its_survey(page, live_server, case):
    w, base = case.world, live_server.url
    visit = ReturnVisit.objects.create(
        project=case.project, reason="manual", planned_on=case.project.created_at.date()
    )
    questions = list(SurveyQuestion.objects.filter(is_active=True))
    sign_in(page, base, w.center_admin, "/evaluation/visits/?state=planned")
    page.click(f"a[href='/evaluation/visits/{visit.pk}/']")
    page.select_option("#id_method", "phone")
    page.fill("#id_spoken_to", "项目单位经办人")
    for q in questions[:-1]:
        page.check(f"#q{q.pk}-5")
    page.click('[data-testid="visit-submit"]')
    page.wait_for_selector(".alert-danger")  # every question needs its score
    for q in questions:
        page.check(f"#q{q.pk}-4")
    page.fill("#id_issues", "希望加快施工许可办理")
    page.click('[data-testid="visit-submit"]')
    page.wait_for_selector('[data-state="done"]')
    assert SurveyAnswer.objects.filter(visit=visit).count() == len(questions)
    assert "希望加快施工许可办理" in page.inner_text('[data-testid="visit-record"]')
