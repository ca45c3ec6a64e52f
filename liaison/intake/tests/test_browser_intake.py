"""In a real browser, the issue's whole path: apply → return for information → complete → accept → dispatch →
the 派任单 downloads → the officer sees the project in 我的项目."""

from __future__ import annotations

import pytest

from liaison.intake.models import Entrustment, EntrustmentStatus, Project
from liaison.intake.tests.test_views_support import docx_text, make_item, make_officer, register_applicant
from liaison.testing.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_applicant_to_dispatched_officer(page, live_server, center_admin, department, tmp_path):
    make_item(center_admin, department, stage="approval_land", code="DRC-001")
    make_item(center_admin, department, stage="construction_license", code="DRC-002")
    officer = make_officer(center_admin, username="officer1", full_name="李联络")
    register_applicant(username="applicant1", name="云南翠湖置业有限公司")
    base = live_server.url

    # applicant1 registers a project and submits a partial entrustment
    sign_in(page, base, "applicant1", "/intake/projects/")
    page.click('[data-testid="project-create"]')
    page.fill("#id_name", "翠湖智造研发中心")
    page.fill("#id_location", "昆明市五华区学府路")
    page.fill("#id_content", "新建研发楼2栋，建筑面积约2.1万平方米。")
    page.fill("#id_total_investment", "26000000")
    page.select_option("#id_investor_nature", "enterprise")
    page.select_option("#id_investment_source", "domestic")
    page.select_option("#id_current_stage", "approval_land")
    page.click('[data-testid="eligibility-check"]')
    page.wait_for_selector('[data-testid="eligibility-verdict"]')
    assert "符合实施细则第八条代办范围" in page.inner_text('[data-testid="eligibility-verdict"]')
    page.click('[data-testid="project-save"]')
    page.wait_for_selector('[data-testid="request-create"]')
    page.click('[data-testid="request-create"]')
    page.check('input[name="scope"][value="partial"]')
    page.check('input[name="stages"][value="approval_land"]')
    page.click('button[data-bs-target="#group-construction_license"]')
    page.check('[data-testid="item-DRC-002"]')
    page.click('[data-testid="request-save"]')
    page.wait_for_selector('[data-testid="submit-form"]')
    assert "DRC-002" in page.inner_text('[data-testid="request-items"]')
    page.check('[data-testid="accept-terms"]')
    page.click('[data-testid="submit-request"]')
    page.wait_for_selector("text=申请已提交")
    entrustment = Entrustment.objects.get(project__name="翠湖智造研发中心")
    assert entrustment.status == EntrustmentStatus.SUBMITTED

    # center_admin returns it for information, item by item
    sign_in(page, base, "t_center_admin", "/intake/review/")
    page.click("text=翠湖智造研发中心")
    page.fill('[data-testid="missing-line"] >> nth=0', "项目备案证明复印件")
    page.click('[data-testid="add-missing"]')
    page.fill('[data-testid="missing-line"] >> nth=1', "用地红线图")
    page.click('[data-testid="return-request"]')
    page.wait_for_selector('[data-testid="missing-info"]')

    # the applicant completes the request and resubmits
    sign_in(page, base, "applicant1", "/intake/requests/")
    page.click("text=翠湖智造研发中心")
    assert "用地红线图" in page.inner_text('[data-testid="missing-info"]')
    upload = tmp_path / "用地红线图.pdf"
    upload.write_bytes(PDF)
    page.set_input_files("#id_file", str(upload))
    page.click('[data-testid="upload-submit"]')
    page.wait_for_selector('[data-testid="attachments"] >> text=用地红线图.pdf')
    page.check('[data-testid="accept-terms"]')
    page.click('[data-testid="submit-request"]')
    page.wait_for_selector("text=申请已提交")

    # the centre accepts and dispatches officer1
    sign_in(page, base, "t_center_admin", "/intake/review/")
    page.click("text=翠湖智造研发中心")
    page.click('[data-testid="accept-request"]')
    page.wait_for_selector('[data-testid="dispatch-form"]')
    page.click(f'[data-testid="choose-{officer.number}"]')
    page.click('[data-testid="dispatch-submit"]')
    page.wait_for_selector('[data-testid="order-docx"]')
    project = Project.objects.get(name="翠湖智造研发中心")
    assert project.service_number in page.inner_text('[data-testid="service-number"]')

    # the 派任单 downloads
    with page.expect_download() as download_info:
        page.click('[data-testid="order-docx"]')
    cells = docx_text(download_info.value.path().read_bytes())
    assert "翠湖智造研发中心" in cells and "李联络" in cells and project.service_number in cells

    # officer1 sees the project in 我的项目
    sign_in(page, base, "officer1", "/intake/my-projects/")
    card = page.inner_text('[data-testid="my-project"]')
    assert "翠湖智造研发中心" in card and "主办联络官" in card and "13888120001" in card
