"""In a real browser, the issue's "Done when": the officer raises a phone consultation on an item; the guide
forwards it to the right guide (首问负责); that guide accepts and replies with a complete list; the materials
appear in the item's checklist; the officer relays the opinion; the enterprise confirms it has read it and
downloads the Attachment 3 PDF."""

from __future__ import annotations

import pytest
from django.utils import timezone

from liaison.consultations.models import Consultation, ConsultationState
from liaison.testing.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _submit(page, testid: str) -> None:
    with page.expect_navigation():
        page.click(f'[data-testid="{testid}"]')


def test_raise_forward_reply_relay_confirm_and_download(page, live_server, desk, world):
    base, officer, guide, receiver, applicant = (
        live_server.url,
        desk.officer,
        desk.guide,
        desk.other_guide,
        world.applicant,
    )
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    # the officer raises a phone consultation, already held, on the project's DRC-A item
    project_path = f"/tracking/projects/{desk.project.pk}/"
    sign_in(page, base, officer, project_path)
    page.click('[data-testid="raise-consultation"]')  # in the section loaded from the project's page
    page.wait_for_selector('[data-testid="raise-form"]')
    page.check(f'input[name="project_items"][value="{desk.project_item().pk}"]')
    page.fill("#id_subject", "研发中心用地规划许可咨询")
    page.fill("#id_situation", "项目已取得国有土地使用权，拟申请建设用地规划许可。")
    page.fill("#id_requests", "请一次性告知需要准备的全部材料和办理时限。")
    page.check('input[name="channel"][value="phone"]')
    page.fill("#id_held_on", timezone.localdate().isoformat())
    page.fill("#id_participants", "联络官甲、指导员甲")
    page.fill("#id_contact_notes", "电话沟通，指导员甲认为该诉求属自然资源局的事项。")
    _submit(page, "raise-submit")
    c = Consultation.objects.get()
    detail_path = f"/consultations/{c.pk}/"
    assert page.url == base + detail_path
    assert c.guide == guide and c.channel == "phone"

    # guide1 forwards it to the guide of the item it belongs to
    sign_in(page, base, guide, "/consultations/inbox/")
    page.click(f'[data-testid="row-{c.pk}"] a')
    page.click('[data-testid="open-forward"]')
    page.select_option("#id_to_item", str(desk.other_item.pk))
    page.fill("#id_note", "用地规划许可属自然资源局事项，转指导员丙答复。")
    _submit(page, "do-forward")
    assert f"首问负责人：{guide.full_name}（跟进至接收）" in page.inner_text('[data-testid="chain"]')

    # that guide accepts it and replies with the complete list, adding one row
    sign_in(page, base, receiver, "/consultations/inbox/")
    assert page.is_visible(f'[data-testid="row-{c.pk}"] [data-testid="awaiting-acceptance"]')
    page.click(f'[data-testid="row-{c.pk}"] a')
    _submit(page, "accept-forward")
    assert "已接收" in page.inner_text('[data-testid="chain"]')
    page.fill("#id_opinion", "符合办理条件，请按清单准备材料后申报。")
    page.fill("#id_legal_basis", "《中华人民共和国城乡规划法》第三十七条")
    page.fill("#id_conditions", "已取得国有土地使用权\n符合控制性详细规划")
    page.fill("#id_procedure", "申请—受理—审查—决定—送达")
    page.fill("#id_time_limit", "受理后5个工作日")
    page.fill("#id_fees", "不收费")
    page.fill("#id_contact", "区政务服务中心二楼 12 号窗口，指导员丙")
    page.fill("#id_signer_post", "科员")
    rows = page.locator('[data-testid="material-rows"] [data-material-row]')
    before = rows.count()
    page.click('[data-testid="add-material"]')
    assert rows.count() == before + 1
    new_row = rows.nth(before)
    new_row.locator('input[name$="-name"]').fill("建设用地规划许可申请表")
    new_row.locator('input[name$="-copies"]').fill("2")
    new_row.locator('input[name$="-issuing_body"]').fill("项目单位")
    new_row.locator('input[name$="-how_to_obtain"]').fill("政务服务网下载")
    _submit(page, "reply-submit")
    reply_text = page.inner_text('[data-testid="reply-1"]')
    assert "建设用地规划许可申请表" in reply_text and "政务服务网下载" in reply_text

    # the materials are on the item's checklist (the tracking item page)
    page.goto(f"{base}/tracking/items/{desk.project_item(desk.other_item).pk}/")
    checklist = page.inner_text('[data-testid="materials"]')
    assert "建设用地规划许可申请表" in checklist

    # officer1 relays it in plain words
    sign_in(page, base, officer, detail_path)
    page.fill("#id_text", "您好：用地规划许可需准备申请表两份等材料，受理后5个工作日办结。")
    _submit(page, "do-relay")
    assert "已转告企业" in page.inner_text('[data-testid="consultation-state"]')

    # applicant1 confirms and downloads the Attachment 3 PDF
    sign_in(page, base, applicant, detail_path)
    assert "受理后5个工作日办结" in page.inner_text('[data-testid="relay"]')
    _submit(page, "confirm-read")
    assert page.is_visible('[data-testid="confirmed"]')
    assert Consultation.objects.get().state == ConsultationState.CONFIRMED
    with page.expect_download(timeout=120_000) as info:
        page.click('[data-testid="download-pdf-1"]')
    download = info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert not errors
