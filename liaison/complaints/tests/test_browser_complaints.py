"""In a real browser: the enterprise (applicant1) files a business complaint about a guide, the centre
registers it and asks the department, the department's admin answers, the centre replies, the complainant
records satisfaction. And an anonymous integrity complaint from the public form: only the supervisor reads
it (the centre and the guide get 404, the centre's list shows a line without content), concluded."""

from __future__ import annotations

import pytest

from liaison.complaints.models import BusinessState, Complaint, IntegrityState
from liaison.complaints.tests.support import SECRET_TEXT
from liaison.intake.tests.test_services_support import register_enterprise
from liaison.testing.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_business_complaint_is_investigated_with_the_department_replied_to_and_rated(
    page, live_server, case
):
    w, base = case.world, live_server.url
    applicant1 = register_enterprise("春城建设有限公司", username="applicant1")
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    sign_in(page, base, applicant1, "/complaints/new/")
    page.check("#id_track_0")  # business
    page.select_option("#id_subject_kind", "guide")
    page.select_option("#id_guide", str(w.guide.pk))
    page.fill("#id_text", "指导员要求提交清单以外的材料，来回跑了三次")
    page.fill("#id_name", "王丽娟")
    page.fill("#id_phone", "13888120002")
    page.fill("#id_captcha_1", "PASSED")
    page.click('[data-testid="submit-complaint"]')
    page.wait_for_selector('[data-testid="query-code"]')
    c = Complaint.objects.get()
    assert c.track == "business" and c.complainant_user == applicant1

    sign_in(page, base, w.center_admin, f"/complaints/{c.pk}/")
    page.select_option("#register-investigator", str(w.center_admin.pk))
    page.click('[data-testid="submit-register"]')
    page.wait_for_selector(f'[data-testid="complaint-state"][data-state="{BusinessState.INVESTIGATING}"]')
    page.fill("#cooperation-request", "请核实该指导员的受理记录")
    page.click('[data-testid="submit-cooperation"]')
    page.wait_for_selector('[data-testid="cooperations"]')

    sign_in(page, base, w.department_admin, "/complaints/?cooperation=open")
    page.click(f"text={c.number}")
    page.fill("#answer-text", "经核实，确有要求额外材料的情况")
    page.click('[data-testid="submit-answer"]')
    page.wait_for_selector("text=经核实，确有要求额外材料的情况")

    sign_in(page, base, w.center_admin, f"/complaints/{c.pk}/")
    page.select_option("#reply-finding", "partly")
    page.fill("#reply-measures", "约谈指导员，完善一次性告知清单")
    page.fill("#reply-text", "经调查部分属实，已督促整改")
    page.click('[data-testid="submit-reply"]')
    page.wait_for_selector(f'[data-testid="complaint-state"][data-state="{BusinessState.REPLIED}"]')

    sign_in(page, base, applicant1, "/complaints/?state=replied")
    page.click(f"text={c.number}")
    assert "经调查部分属实" in page.inner_text('[data-testid="reply"]')
    page.check("#satisfaction-satisfied")
    page.click('[data-testid="submit-rate"]')
    page.wait_for_selector('[data-testid="satisfaction"]')
    assert Complaint.objects.get(pk=c.pk).state == BusinessState.CLOSED
    assert errors == []


def test_an_anonymous_integrity_complaint_is_read_only_by_the_supervisor_and_concluded(
    page, live_server, case
):
    w, base = case.world, live_server.url
    page.goto(f"{base}/complaints/new/")
    page.check("#id_track_1")  # integrity
    page.select_option("#id_subject_kind", "guide")
    page.select_option("#id_guide", str(w.guide.pk))
    page.fill("#id_text", SECRET_TEXT)
    page.check("#id_anonymous")
    page.fill("#id_captcha_1", "PASSED")
    page.click('[data-testid="submit-complaint"]')
    code = page.inner_text('[data-testid="query-code"]').strip()
    c = Complaint.objects.get()
    assert c.track == "integrity" and c.anonymous

    for person in (w.center_admin, w.guide):
        sign_in(page, base, person, "/")
        for path in (f"/complaints/integrity/{c.pk}/", f"/complaints/{c.pk}/"):
            assert page.goto(f"{base}{path}").status == 404
    sign_in(page, base, w.center_admin, "/complaints/")
    assert page.locator('[data-testid="transfer-line"]').count() == 1
    listing = page.inner_text("main")
    assert SECRET_TEXT not in listing and c.number not in listing

    sign_in(page, base, w.supervisor, "/complaints/integrity/")
    page.click(f"text={c.number}")
    assert SECRET_TEXT in page.inner_text('[data-testid="complaint-text"]')
    assert "匿名" in page.inner_text('[data-testid="complainant"]')
    page.click('[data-testid="submit-register"]')
    page.wait_for_selector(f'[data-testid="complaint-state"][data-state="{IntegrityState.VERIFYING}"]')
    page.select_option("#conclude-finding", "substantiated")
    page.fill("#conclude-text", "经核查属实，已立案处理")
    page.click('[data-testid="submit-conclude"]')
    page.wait_for_selector(f'[data-testid="complaint-state"][data-state="{IntegrityState.CONCLUDED}"]')

    page.context.clear_cookies()
    page.goto(f"{base}/complaints/status/")
    page.fill("#id_code", code)
    page.click('[data-testid="submit-status"]')
    assert page.inner_text('[data-testid="public-status"]').strip() == "已办结"
    assert "立案" not in page.inner_text("main")
