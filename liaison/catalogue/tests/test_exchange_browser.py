"""In a real browser: the centre filters the roster, uploads a workbook, and the job page follows the
background import through htmx polling until the result shows."""

from __future__ import annotations

import pytest

from liaison.catalogue.exchange.testing import run_worker, sample_sheets, seed_item, workbook_from_rows
from liaison.catalogue.models import ApprovalItem
from liaison.catalogue.stages import Stage
from liaison.testing.personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def roster_items(settings, tmp_path, center_admin, department, guide_user):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CATALOGUE_IMPORT_INLINE_MAX_ROWS = 1  # the uploaded workbook goes to the worker
    seed_item(
        actor=center_admin,
        department=department,
        code="DRC-100",
        name="固定资产投资项目节能审查",
        guide=guide_user,
    )
    seed_item(
        actor=center_admin, department=department, code="DRC-200", name="竣工联合验收", stage=Stage.COMPLETION
    )


def test_center_admin_filters_the_roster_then_imports_a_workbook_in_the_background(
    page, live_server, tmp_path, center_admin, roster_items
):
    page.goto(f"{live_server.url}/accounts/login/?next=/catalogue/roster/")
    page.fill("#id_username", center_admin.username)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url("**/catalogue/roster/")

    page.select_option("#f-stage", Stage.COMPLETION.value)
    page.click('[data-testid="roster-filters"] button[type="submit"]')
    page.wait_for_url("**stage=completion**")
    assert page.locator('[data-testid="roster-row"]').count() == 1
    assert "竣工联合验收" in page.inner_text('[data-testid="roster-table"]')
    assert "stage=completion" in (page.get_attribute('[data-testid="roster-export-docx"]', "href") or "")

    workbook = tmp_path / "目录.xlsx"
    workbook.write_bytes(workbook_from_rows(sample_sheets()))
    page.click('[data-testid="catalogue-import"]')
    page.set_input_files('input[name="file"]', str(workbook))
    page.click('[data-testid="import-form"] button[type="submit"]')
    page.wait_for_selector('[data-status="pending"]')
    assert not ApprovalItem.objects.filter(code="HSB-001").exists()

    run_worker()

    page.wait_for_selector('[data-status="succeeded"]', timeout=10_000)  # swapped in by the 1 s poll
    result = page.inner_text('[data-testid="job-result"]')
    assert "新增事项 2 个" in result
    assert "新建指导员账号 1 个" in result
    assert ApprovalItem.objects.filter(code="HSB-001").exists()
