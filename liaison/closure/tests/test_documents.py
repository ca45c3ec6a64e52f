"""The closure's forms from the built-in templates: the handover list, the completion form and the
termination form (Word read back field by field, PDF through LibreOffice), their downloads and who may
fetch them, and the committed templates equal to what the build script writes."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from liaison.closure.documents import build_templates
from liaison.closure.documents.render import closure_docx, closure_pdf
from liaison.closure.models import Service
from liaison.closure.services.completion import (
    service_confirm_completion,
    service_confirm_receipt,
    service_prepare_completion,
)
from liaison.closure.services.termination import service_confirm_termination, service_request_termination
from liaison.core.docx_kit import form_date
from liaison.intake.documents.registry import document_spec
from liaison.intake.documents.sources import render_docx, sample_context
from liaison.intake.tests.test_views_support import docx_text, pdf_text
from liaison.tracking.models import ProjectItem
from liaison.tracking.services.project_items import project_item_mark_not_needed

pytestmark = pytest.mark.django_db

LINES = [
    {
        "name": "建设工程规划许可证",
        "issuer": "昆明市自然资源和规划局",
        "number": "建字第530102202600123号",
        "copies": 1,
        "pages": 2,
        "remarks": "正本",
    },
    {
        "name": "审图合格书",
        "original": False,
        "copies": 2,
        "handed_over": False,
        "not_handed_reason": "原件由住建部门存档",
    },
]


def flat(text: str) -> str:
    return "".join(text.split())


def _service(case) -> Service:
    return Service.objects.get(project=case.project)


def _prepared(case) -> Service:
    for item in ProjectItem.objects.filter(project=case.project):
        project_item_mark_not_needed(
            actor=case.world.officer_user, project_item=item, reason="本项目无需办理"
        )
    return service_prepare_completion(actor=case.world.officer_user, project=case.project, lines=LINES)


def _completed(case) -> Service:
    _prepared(case)
    service_confirm_receipt(actor=case.world.applicant, project=case.project, comment="已收到")
    return service_confirm_completion(actor=case.world.center_admin, project=case.project, comment="同意办结")


def _terminated(case) -> Service:
    service_request_termination(
        actor=case.world.applicant, project=case.project, reason="enterprise_request", note="项目投资计划调整"
    )
    return service_confirm_termination(
        actor=case.world.center_admin, project=case.project, comment="同意终止"
    )


def _project_block(case, text: str) -> None:
    project = case.project
    project.refresh_from_db()
    for label in ("项目名称", "服务编号", "项目单位", "联络官"):
        assert label in text
    assert project.name in text
    assert project.service_number and project.service_number in text
    assert project.enterprise.name in text
    officer = case.world.officer_user
    assert officer.display_name in text and officer.officer.number in text


def test_the_handover_list_holds_the_project_the_lines_and_the_signature_lines(case):
    service = _prepared(case)
    text = docx_text(closure_docx(service, "handover"))
    assert "资料移交清单" in text
    _project_block(case, text)
    for label in (
        "序号",
        "资料名称",
        "发文（发证）机关",
        "文号（证号）",
        "原件/复印件",
        "份数",
        "页数",
        "备注",
    ):
        assert label in text
    assert "建设工程规划许可证" in text and "昆明市自然资源和规划局" in text
    assert "建字第530102202600123号" in text and "正本" in text
    assert "审图合格书" in text and "复印件" in text
    assert "未移交：原件由住建部门存档" in text
    assert "共2项，其中已移交1项、未移交1项。" in text
    assert "移交人（联络官）签字" in text and "接收人（项目单位）签字" in text
    today = form_date(timezone.localdate())
    assert f"日期：{today}" in text  # handed over today
    assert "日期：　　　　年　　月　　日" in text  # not received yet: left to fill by hand
    service_confirm_receipt(actor=case.world.applicant, project=case.project)
    assert "　　　　年　　月　　日" not in docx_text(closure_docx(service, "handover"))


def test_the_completion_form_holds_scope_items_period_and_the_centres_confirmation(case):
    service = _completed(case)
    text = docx_text(closure_docx(service, "completion"))
    assert "政务服务联络官服务办结单" in text
    _project_block(case, text)
    entrustment = service.entrustment
    assert "委托方式" in text and str(entrustment.get_scope_display()) in text
    assert "委托范围" in text
    item = ProjectItem.objects.select_related("approval_item__department").get(pk=case.item.pk)
    assert item.approval_item.name in text and item.approval_item.department.name in text
    assert "无需办理" in text  # the item's result
    assert form_date(item.decided_on or item.ended_on) in text
    accepted = form_date(timezone.localdate(entrustment.decided_at))
    today = form_date(timezone.localdate())
    assert "服务期限" in text and f"{accepted}至{today}" in text
    assert "共2项，已移交1项" in text and case.world.applicant.display_name in text
    assert "中心确认办结" in text and case.world.center_admin.display_name in text and "同意办结" in text
    assert "中心负责人签字" in text


def test_the_termination_form_holds_who_asked_the_reason_and_the_items_withdrawn(case):
    service = service_request_termination(
        actor=case.world.applicant, project=case.project, reason="enterprise_request", note="项目投资计划调整"
    )
    waiting = docx_text(closure_docx(service, "termination"))
    assert "待中心确认后撤回" in waiting and "待中心确认　" in waiting  # the item, and no confirmation yet
    service = service_confirm_termination(
        actor=case.world.center_admin, project=case.project, comment="同意终止"
    )
    text = docx_text(closure_docx(service, "termination"))
    assert "终止委托代办确认单" in text
    _project_block(case, text)
    assert "委托范围" in text and str(service.entrustment.get_scope_display()) in text
    today = form_date(timezone.localdate())
    assert "申请终止" in text and case.world.applicant.display_name in text and "（项目单位）" in text
    assert today in text
    assert "终止原因" in text and "项目单位申请终止委托" in text
    assert "原因说明" in text and "项目投资计划调整" in text
    assert case.item.approval_item.name in text and "已撤回" in text and "待中心确认后撤回" not in text
    assert "中心确认终止" in text and case.world.center_admin.display_name in text and "同意终止" in text
    for label in ("项目单位签字", "联络官签字", "中心负责人签字"):
        assert label in text


@pytest.mark.parametrize(
    ("which", "make", "title"),
    [
        ("handover", _prepared, "资料移交清单"),
        ("completion", _completed, "办结单"),
        ("termination", _terminated, "终止委托代办确认单"),
    ],
)
def test_each_form_converts_to_pdf(case, tmp_path, which, make, title):
    service = make(case)
    data = closure_pdf(service, which)
    assert data.startswith(b"%PDF")
    text = flat(pdf_text(data, tmp_path))
    assert title in text and case.project.name in text


def _doc_url(case, which: str, ext: str) -> str:
    return reverse("closure:document", args=[case.project.pk, which, ext])


@pytest.mark.parametrize("which", ["handover", "completion", "termination"])
def test_an_outsider_finds_no_form(client, case, which):
    _completed(case) if which != "termination" else _terminated(case)
    client.force_login(case.world.guide)
    for ext in ("docx", "pdf"):
        assert client.get(_doc_url(case, which, ext)).status_code == 404


def test_the_forms_download_once_they_exist_and_the_page_links_them(client, case):
    client.force_login(case.world.officer_user)
    for which in ("handover", "completion", "termination"):
        assert client.get(_doc_url(case, which, "docx")).status_code == 404
    page = reverse("closure:service", args=[case.project.pk])
    assert 'data-testid="handover-docx"' not in client.get(page).content.decode()
    _prepared(case)
    got = client.get(_doc_url(case, "handover", "docx"))
    assert got.status_code == 200 and "资料移交清单" in docx_text(got.content)
    assert "attachment" in got["Content-Disposition"]
    assert client.get(_doc_url(case, "completion", "docx")).status_code == 404
    shown = client.get(page).content.decode()
    assert 'data-testid="handover-docx"' in shown and 'data-testid="handover-pdf"' in shown
    assert 'data-testid="completion-docx"' not in shown
    service_confirm_receipt(actor=case.world.applicant, project=case.project)
    service_confirm_completion(actor=case.world.center_admin, project=case.project)
    client.force_login(case.world.applicant)
    got = client.get(_doc_url(case, "completion", "docx"))
    assert got.status_code == 200 and "办结单" in docx_text(got.content)
    shown = client.get(page).content.decode()
    assert 'data-testid="completion-docx"' in shown and 'data-testid="completion-pdf"' in shown
    assert client.get(_doc_url(case, "termination", "docx")).status_code == 404


def test_the_termination_form_downloads_once_termination_is_requested(client, case):
    client.force_login(case.world.applicant)
    assert client.get(_doc_url(case, "termination", "docx")).status_code == 404
    service_request_termination(
        actor=case.world.applicant, project=case.project, reason="other", note="企业自身原因"
    )
    got = client.get(_doc_url(case, "termination", "docx"))
    assert got.status_code == 200 and "企业自身原因" in docx_text(got.content)
    shown = client.get(reverse("closure:service", args=[case.project.pk])).content.decode()
    assert 'data-testid="termination-docx"' in shown and 'data-testid="termination-pdf"' in shown


@pytest.mark.parametrize("kind", ["handover_list", "completion_form", "termination_form"])
def test_each_template_is_registered_and_fills_from_its_sample(kind):
    spec = document_spec(kind)
    assert spec is not None
    text = docx_text(render_docx(spec.built_in.read_bytes(), sample_context(kind)))
    assert "示例商业综合体项目" in text and "{{" not in text


@pytest.mark.parametrize(
    "build",
    [
        build_templates.build_handover_template,
        build_templates.build_completion_template,
        build_templates.build_termination_template,
    ],
)
def test_the_committed_template_is_what_the_build_script_writes(tmp_path, build):
    def body(path: Path) -> bytes:
        with zipfile.ZipFile(path) as archive:
            return archive.read("word/document.xml")

    committed = build.__defaults__[0]
    fresh = build(tmp_path / committed.name)
    assert body(fresh) == body(committed), "rebuild: python -m " + build_templates.__name__
