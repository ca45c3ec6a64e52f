"""In a real browser: the centre opens 期限与提醒 from the menu, is told why a bad value is refused, and
saves when the reply lights of consultations turn yellow and how often overdue ones are reminded."""

from __future__ import annotations

import pytest

from liaison.deadlines.kinds import deadline_kinds
from liaison.deadlines.settings import deadline_settings
from liaison.testing.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_centre_sets_the_reminders_of_a_kind_of_deadline(page, live_server, center_admin):
    base = live_server.url
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    sign_in(page, base, center_admin, "/")
    page.click("text=期限与提醒")
    page.wait_for_selector('[data-testid="deadline-settings"]')
    rows = page.locator('[data-testid^="kind-"]')
    assert rows.count() == len(deadline_kinds())  # every kind the apps declare, each on its own row

    items = page.locator('[data-testid="kind-tracking.item"]')
    items.locator('input[name="warning_days"]').fill("0")
    page.click('[data-testid="save-tracking.item"]')
    page.wait_for_selector(".invalid-feedback")
    assert "1 至 30" in page.locator('[data-testid="kind-tracking.item"]').inner_text()
    assert deadline_settings("tracking.item").pk is None  # nothing saved

    reply = page.locator('[data-testid="kind-consultation.reply"]')
    reply.locator('input[name="warning_days"]').fill("0")
    reply.locator('input[name="repeat_days"]').fill("3")
    page.click('[data-testid="save-consultation.reply"]')
    page.wait_for_selector("text=提醒设置已保存")
    saved = page.locator('[data-testid="kind-consultation.reply"]')
    assert saved.locator('input[name="warning_days"]').input_value() == "0"
    assert center_admin.display_name in saved.inner_text()
    row = deadline_settings("consultation.reply")
    assert (row.warning_days, row.repeat_days) == (0, 3)
    assert not errors
