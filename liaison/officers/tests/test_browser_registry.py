"""In a real browser: the centre registers an officer, suspends them, and the record shows it."""

from __future__ import annotations

import pytest

from liaison.officers.models import Officer, OfficerStatus
from liaison.testing.personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_center_admin_registers_and_suspends_an_officer(page, live_server, center_admin):
    page.goto(f"{live_server.url}/accounts/login/?next=/officers/")
    page.fill("#id_username", center_admin.username)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url("**/officers/")

    page.click('[data-testid="register-officer"]')
    page.fill("#id_username", "browser_officer")
    page.fill("#id_full_name", "浏览器联络官")
    page.fill("#id_mobile", "1361111")
    page.fill("#id_unit", "区投资促进局")
    page.click('[data-testid="submit"]')
    assert "手机号码应为以1开头的11位数字" in page.inner_text('[data-testid="error-mobile"]')

    page.fill("#id_mobile", "13611112222")
    page.click('[data-testid="submit"]')
    page.wait_for_selector('[data-testid="record-timeline"]')
    officer = Officer.objects.get(user__username="browser_officer")
    assert officer.number in page.inner_text("h1")
    assert "13611112222" in page.inner_text('[data-testid="officer-phone"]')

    page.click('[data-testid="suspend-officer"]')
    page.fill("#id_reason", "参加脱产培训")
    page.click('[data-testid="submit"]')
    page.wait_for_selector('[data-testid="suspended-note"]')
    assert "参加脱产培训" in page.inner_text('[data-testid="record-timeline"]')
    assert Officer.objects.get(pk=officer.pk).status == OfficerStatus.SUSPENDED
    assert page.is_visible('[data-testid="reinstate-officer"]')
