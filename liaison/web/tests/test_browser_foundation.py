"""In a real browser, on the demo district: the centre browses the roster and changes a guide, exports
the roster (Attachment 1) and sees the new guide in it; a department admin proposes a change for its own
item; the supervisor finds the change in the audit trail."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from liaison.catalogue.models import ApprovalItem, GuideAssignment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DEMO_PASSWORD = "Liaison@2026"


def sign_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url(f"{base}/")


def sign_out(page: Page) -> None:
    page.click('[data-testid="user-menu"]')
    page.click('[data-testid="logout"]')
    page.wait_for_url("**/accounts/login/")


def test_roster_guide_change_export_and_audit_trail_across_three_roles(page: Page, live_server):
    call_command("load_demo")
    base = live_server.url
    item = ApprovalItem.objects.get(code="DRC-001")
    old_guide = GuideAssignment.objects.get(item=item, is_active=True).guide
    new_guide = GuideAssignment.objects.get(item__code="DRC-002", is_active=True).guide  # same department

    # The centre filters the roster by department and sees the current guide.
    sign_in(page, base, "center_admin")
    page.click("text=指导员联系表")
    page.select_option("#f-department", label="区发展和改革局")
    page.click('[data-testid="roster-filters"] button[type="submit"]')
    row = page.locator('[data-testid="roster-row"]', has_text="DRC-001")
    expect(row).to_contain_text(old_guide.display_name)
    expect(page.locator('[data-testid="roster-row"]')).to_have_count(3)

    # It changes the guide of DRC-001 directly (registered at once).
    page.goto(f"{base}/catalogue/items/{item.pk}/")
    page.goto(f"{base}/catalogue/items/{item.pk}/guide-change/")
    page.select_option("select[name=new_guide]", value=str(new_guide.pk))
    page.fill("input[name=effective_date]", timezone.localdate().isoformat())
    page.fill("textarea[name=reason]", "原指导员岗位调整，部门报送新任指导员")
    page.click('[data-testid="guide-change-submit"]')
    expect(page.locator(".alert-success")).to_contain_text("指导员已变更并登记备案")

    # The roster now shows the new guide, and the Excel export carries it.
    page.goto(f"{base}/catalogue/roster/?q=DRC-001")
    expect(page.locator('[data-testid="roster-row"]', has_text="DRC-001")).to_contain_text(
        new_guide.display_name
    )
    with page.expect_download() as download_info:
        page.click('[data-testid="roster-export-xlsx"]')
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(open(download.path(), "rb").read())).active  # noqa: SIM115
    cells = {str(c.value) for r in sheet.iter_rows() for c in r if c.value is not None}
    assert new_guide.display_name in cells
    assert old_guide.display_name not in cells
    sign_out(page)

    # A department admin proposes a change for an item of its own department; it waits for the centre.
    sign_in(page, base, "dept_admin1")
    other = ApprovalItem.objects.get(code="DRC-002")
    page.goto(f"{base}/catalogue/items/{other.pk}/guide-change/")
    page.select_option(
        "select[name=new_guide]",
        value=str(GuideAssignment.objects.get(item__code="DRC-003", is_active=True).guide.pk),
    )
    page.fill("textarea[name=reason]", "借调市发改委，拟由新同志接任")
    page.click('[data-testid="guide-change-submit"]')
    expect(page.locator(".alert-success")).to_contain_text("等待政务服务中心登记备案")
    # ...but cannot even see another department's item form.
    foreign = ApprovalItem.objects.get(code="HCD-004")
    response = page.goto(f"{base}/catalogue/items/{foreign.pk}/guide-change/")
    assert response is not None and response.status in (403, 404)
    sign_out(page)

    # The supervisor finds the centre's change in the audit trail.
    sign_in(page, base, "supervisor")
    page.click("text=审计日志")
    page.fill("#f-q", "DRC-001")
    page.click('[data-testid="audit-filters"] button')
    table = page.locator('[data-testid="audit-table"]')
    expect(table).to_contain_text("赵敏（中心）")
    expect(table).to_contain_text("DRC-001")
