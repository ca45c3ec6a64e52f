"""In a real browser (三员分立): the system administrator finds an account, is refused an administrator role
beside a business role with the reason, deactivates the account; the audit administrator then finds the
change in the trail; neither sees the other's menu."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from liaison.directory.roles import Role
from liaison.testing.personas import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url(f"{base}/")


def test_system_admin_changes_an_account_and_the_audit_admin_reads_it(page: Page, live_server):
    base = live_server.url
    make_user("sysadmin", roles=(Role.SYSTEM_ADMIN,), full_name="系统管理员甲")
    make_user("auditor", roles=(Role.AUDIT_ADMIN,), full_name="审计管理员甲")
    make_user("wang5", roles=(Role.OFFICER,), full_name="王五")

    sign_in(page, base, "sysadmin")
    expect(page.locator('[data-testid="admin-figures"]')).to_contain_text("启用的账号")
    expect(page.get_by_role("link", name="审计日志")).to_have_count(0)
    page.get_by_role("link", name="账号管理").first.click()
    page.fill("#f-q", "王五")
    page.click('[data-testid="account-search"]')
    expect(page.locator('[data-testid="account-row"]')).to_have_count(1)
    page.click("text=wang5")
    page.select_option("#grant-role", value="audit_admin")
    page.click('[data-testid="grant-role"]')
    expect(page.locator(".alert-danger, .alert-error").first).to_contain_text("三员分立")
    expect(page.locator('[data-testid="held-roles"]')).not_to_contain_text("审计管理员")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click('[data-testid="deactivate"]')
    expect(page.locator('[data-testid="account-state"]')).to_have_text("停用")

    page.context.clear_cookies()
    sign_in(page, base, "auditor")
    expect(page.get_by_role("link", name="账号管理")).to_have_count(0)
    page.get_by_role("link", name="审计日志").first.click()
    expect(page.locator('[data-testid="audit-table"]')).to_contain_text("停用账号 wang5")
    expect(page.locator('[data-testid="list-export"]')).to_be_visible()
