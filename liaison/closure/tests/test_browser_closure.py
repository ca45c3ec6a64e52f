"""In a real browser: the officer records the last item's result document into the custody register, prepares completion with the handover list, the enterprise confirms
receipt, the centre confirms completion and the project reads 已办结, read-only; and the enterprise asks to
terminate with a reason, the centre confirms, the open item is withdrawn and the reason is shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.utils import timezone

from liaison.closure.models import CustodyEntry, ServiceState, ServiceStep
from liaison.intake.tests.test_views_support import pdf_text
from liaison.testing.browser import sign_in
from liaison.tracking.models import ProjectItem
from liaison.tracking.tests.builders import Driver


def _pdf_text(download, directory: Path) -> str:
    """The downloaded file is a PDF (LibreOffice made it); its text without layout spaces."""
    data = Path(download.path()).read_bytes()
    assert data[:5] == b"%PDF-"
    return "".join(pdf_text(data, directory).split())


pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_completion_with_the_handover_list_across_three_roles(page, live_server, case, tmp_path):
    w, base = case.world, live_server.url
    # the guide approved the last item without its result document: the officer records it
    item = Driver(w.officer_user, w.guide, w.applicant).to(case.item, "approved")
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    path = f"/closure/projects/{case.project.pk}/"

    sign_in(page, base, w.officer_user, f"/tracking/items/{item.pk}/")
    page.fill(f"#result-name-{item.pk}", "建设工程规划许可证")
    page.fill(f'[data-testid="result-number-{item.pk}"]', "建字第530102202600123号")
    page.fill(f'[data-testid="result-issuer-{item.pk}"]', "昆明市自然资源和规划局")
    page.fill(f'[data-testid="result-date-{item.pk}"]', timezone.localdate().isoformat())
    page.click('[data-testid="record-result"]')
    page.wait_for_selector('[data-testid="result-number"]')
    entry = CustodyEntry.objects.get(project_item=item)

    page.goto(f"{base}/tracking/projects/{case.project.pk}/")
    page.click('[data-testid="service-link"]')
    page.wait_for_selector('[data-testid="all-final"]')
    assert "建字第530102202600123号" in page.inner_text('[data-testid="register-lines"]')
    page.fill("#id_lines-0-name", "审图合格书")
    page.uncheck("#id_lines-0-handed_over")
    page.click('[data-testid="prepare-submit"]')
    page.wait_for_selector(".alert-danger")  # the kept-back document needs its reason
    page.fill("#id_lines-0-not_handed_reason", "原件由住建部门存档")
    page.click('[data-testid="prepare-submit"]')
    page.wait_for_selector('[data-state="completion_prepared"]')
    lines = page.inner_text('[data-testid="handover-lines"]')
    assert "原件由住建部门存档" in lines and "建设工程规划许可证" in lines
    with page.expect_download() as download:
        page.click('[data-testid="handover-pdf"]')
    text = _pdf_text(download.value, tmp_path)
    assert "资料移交清单" in text and "建设工程规划许可证" in text and "原件由住建部门存档" in text

    sign_in(page, base, w.applicant, path)
    page.click('[data-testid="confirm-receipt"]')
    page.wait_for_selector('[data-state="receipt_confirmed"]')

    sign_in(page, base, w.center_admin, path)
    page.click('[data-testid="confirm-completion"]')
    page.wait_for_selector('[data-state="completed"]')
    assert "已办结" in page.inner_text('[data-testid="service-state"]')
    page.goto(f"{base}/tracking/projects/{case.project.pk}/")
    assert "已办结" in page.inner_text('[data-testid="read-only"]')
    entry.refresh_from_db()
    assert entry.state == "handed_over"
    assert [s.name for s in ServiceStep.objects.order_by("id")] == [
        "prepare_completion",
        "confirm_receipt",
        "confirm_completion",
    ]
    assert not errors


def test_the_enterprise_terminates_and_the_centre_confirms(page, live_server, case, tmp_path):
    from liaison.closure.tests.test_custody import _original

    w, base = case.world, live_server.url
    held = _original(case, "国有土地使用证（原件）")
    path = f"/closure/projects/{case.project.pk}/"
    sign_in(page, base, w.applicant, path)
    page.click("summary:has-text('申请终止委托代办')")
    page.select_option("#id_reason", "enterprise_request")
    page.fill("#id_note", "项目投资计划调整，暂不建设")
    page.click('[data-testid="request-termination"]')
    page.wait_for_selector('[data-state="termination_requested"]')

    sign_in(page, base, w.center_admin, path)
    assert "项目投资计划调整" in page.inner_text('[data-testid="termination-reason"]')
    assert "国有土地使用证（原件）" in page.inner_text('[data-testid="terminate-form"]')  # from the register
    page.fill("#id_lines-0-name", "项目咨询意见回复表")
    page.click('[data-testid="confirm-termination"]')
    page.wait_for_selector('[data-state="terminated"]')
    lines = page.inner_text('[data-testid="handover-lines"]')
    assert "国有土地使用证（原件）" in lines and "项目咨询意见回复表" in lines
    assert ProjectItem.objects.get(pk=case.item.pk).state == "withdrawn"
    with page.expect_download() as download:
        page.click('[data-testid="termination-pdf"]')
    text = _pdf_text(download.value, tmp_path)
    assert "终止" in text and "项目投资计划调整" in text
    page.goto(f"{base}/tracking/projects/{case.project.pk}/")
    assert "已终止" in page.inner_text('[data-testid="read-only"]')
    assert ServiceStep.objects.last().to_state == ServiceState.TERMINATED

    sign_in(page, base, w.applicant, path)  # Art. 16: the documents are handed over after termination too
    page.click('[data-testid="confirm-termination-receipt"]')
    page.wait_for_selector(".alert-success")
    assert not page.locator('[data-testid="confirm-termination-receipt"]').count()
    held.refresh_from_db()
    assert held.state == "handed_over"
