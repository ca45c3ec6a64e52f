"""In a real browser, the issue's path: the officer drafts the plan and sees the Gantt chart; the enterprise
uploads a material; the guide accepts, asks for a supplement, accepts the resubmission and approves; the
item's light and the enterprise's timeline follow."""

from __future__ import annotations

import pytest
from django.utils import timezone

from liaison.testing.browser import sign_in
from liaison.tracking.models import ProjectItem
from liaison.tracking.tests.builders import PDF, dispatched_project, make_catalogue_item, material

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _step(page, name: str, pk: int) -> None:
    page.click(f'[data-testid="open-{name}-{pk}"]')
    page.click(f'[data-testid="do-{name}-{pk}"]')
    page.wait_for_load_state()


def _light(page) -> str:
    return page.get_attribute('[data-testid="item-light"] [data-testid="light"]', "data-light") or ""


def test_plan_gantt_materials_supplement_and_approval(page, live_server, world, department, tmp_path):
    first = make_catalogue_item(
        world.center_admin,
        department,
        "DRC-101",
        limit=5,
        guide=world.guide,
        materials=[material("用地申请表")],
    )
    make_catalogue_item(
        world.center_admin, department, "DRC-201", stage="construction_license", prerequisites=(first,)
    )
    project = dispatched_project(world, name="翠湖智造研发中心")
    base, officer, guide, applicant = live_server.url, world.officer_user, world.guide, world.applicant
    plan_path = f"/tracking/projects/{project.pk}/plan/"
    project_path = f"/tracking/projects/{project.pk}/"

    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    # the officer drafts the plan from the entrustment and sees the Gantt chart (with the prerequisite link)
    sign_in(page, base, officer, plan_path)
    proposed = page.input_value("#id_start_date")  # the next working day, already filled in
    assert proposed > timezone.localdate().isoformat()
    page.click('[data-testid="draft-submit"]')
    page.wait_for_selector('[data-testid="gantt"] canvas')
    # every row is labelled and the axis ticks weeks under month bands
    axis = page.evaluate(
        """() => { const o = echarts.getInstanceByDom(document.getElementById('gantt')).getOption();
                   return {interval: o.yAxis[0].axisLabel.interval, rows: o.yAxis[0].data.length,
                           minInterval: o.xAxis[0].minInterval, bands: o.series[1].markArea.data.length}; }"""
    )
    assert axis["interval"] == 0 and axis["rows"] == 2 and axis["minInterval"] == 7 * 86400000
    assert axis["bands"] >= 1
    assert "DRC-101" in page.inner_text('[data-testid="plan-table"] >> nth=0')
    page.hover('[data-testid="gantt"] canvas')
    assert not errors
    item = ProjectItem.objects.get(project=project, approval_item=first)
    item_path = f"/tracking/items/{item.pk}/"
    page.goto(base + project_path)
    _step(page, "prepare", item.pk)
    assert "准备材料" in page.inner_text('[data-testid="item-row-DRC-101"] [data-testid="state"]')

    # the enterprise uploads the material
    sign_in(page, base, applicant, item_path)
    pdf_file = tmp_path / "用地申请表.pdf"
    pdf_file.write_bytes(PDF)
    page.set_input_files('[data-testid="upload-file-1"]', str(pdf_file))
    page.click('[data-testid="upload-1"]')
    page.wait_for_selector('[data-testid="file-link"]')
    assert "用地申请表.pdf" in page.inner_text('[data-testid="materials"]')

    # the officer files the item
    sign_in(page, base, officer, item_path)
    _step(page, "submit", item.pk)

    # the guide accepts, then asks for a supplement: the clock pauses
    sign_in(page, base, guide, item_path)
    _step(page, "accept", item.pk)
    assert _light(page) in {"green", "yellow"}
    page.click(f'[data-testid="supplement-{item.pk}"] summary')
    page.fill('[data-testid="supplement-missing"]', "补充用地红线图\n补充法人授权书")
    page.click('[data-testid="do-request_supplement"]')
    page.wait_for_load_state()
    assert _light(page) == "paused"

    sign_in(page, base, applicant, project_path)
    timeline = page.inner_text('[data-testid="timeline"]')
    assert "要求补正" in timeline and "补充用地红线图" in timeline

    # the officer hands in the supplement; the guide takes it in and approves
    sign_in(page, base, officer, item_path)
    _step(page, "resubmit", item.pk)
    sign_in(page, base, guide, item_path)
    _step(page, "accept", item.pk)
    page.click(f'[data-testid="open-approve-{item.pk}"]')  # the approval asks for its result document
    page.fill(f'[data-testid="result-number-{item.pk}"]', "用字第530102202600088号")
    page.fill(f'[data-testid="result-date-{item.pk}"]', timezone.localdate().isoformat())
    page.click(f'[data-testid="do-approve-{item.pk}"]')
    page.wait_for_load_state()
    assert "办结" in page.inner_text('[data-testid="item-state"]')
    assert "用字第530102202600088号" in page.inner_text('[data-testid="result-number"]')
    assert _light(page) == "none"

    sign_in(page, base, applicant, project_path)
    timeline = page.inner_text('[data-testid="timeline"]')
    assert "已办结" in timeline and "办理时限恢复计算" in timeline
    assert not errors
