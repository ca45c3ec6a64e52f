"""The opinion-reply form (Attachment 3): Word from the built-in template, PDF through LibreOffice."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from django.utils import timezone
from docx import Document
from docx.oxml.ns import qn

from liaison.consultations.documents.opinion_reply import (
    opinion_reply_docx,
    opinion_reply_filename,
    opinion_reply_pdf,
)
from liaison.consultations.services.replies import MaterialLine, consultation_reply
from liaison.consultations.services.routing import consultation_accept_forward, consultation_forward
from liaison.consultations.tests.builders import reply_form
from liaison.core.documents import docx_to_pdf
from liaison.intake.tests.test_views_support import docx_text, pdf_text

pytestmark = pytest.mark.django_db


def flat(text: str) -> str:
    """Text without the spaces and line breaks layout adds (pdftotext splits CJK runs and wraps cells)."""
    return "".join(text.split())


@pytest.fixture
def reply(desk):
    consultation = desk.raise_(subject="用地规划许可办理咨询", channel="phone")
    return consultation_reply(actor=desk.guide, consultation=consultation, form=reply_form())


def test_the_form_holds_project_item_department_guide_summary_and_the_complete_notification(desk, reply):
    text = docx_text(opinion_reply_docx(reply))

    project = desk.project
    project.refresh_from_db()
    assert "行业部门审批（服务）事项意见回复表" in text
    assert project.name == "翠湖智造研发中心" and project.name in text
    assert project.service_number and project.service_number in text
    assert (project.national_code or "（暂无）") in text
    assert project.enterprise.name in text
    assert "DRC-A" in text and desk.item.name in text
    assert "区发展和改革局" in text
    assert desk.guide.display_name in text
    assert reply.consultation.number in text
    assert "用地规划许可办理咨询" in text and "电话联络" in text
    assert "请告知需要准备的全部材料和办理时限。" in text
    assert "符合办理条件，请按清单准备材料后申报。" in text
    assert "《中华人民共和国城乡规划法》第三十七条" in text
    assert "1. 已取得国有土地使用权" in text and "2. 符合控制性详细规划" in text
    assert "申请—受理—审查—决定—送达" in text and "受理后5个工作日" in text and "不收费" in text
    assert "区政务服务中心二楼 12 号窗口" in text
    assert "指导员甲" in text and "科员" in text
    assert f"{reply.signed_on:%Y年%m月%d日}" in text
    assert "{{" not in text and "{%" not in text
    assert "补充告知说明" not in text and "不能办理的原因" not in text


def _rows(table) -> dict[str, str]:
    return {row.cells[0].text: row.cells[1].text for row in table.rows}


def test_the_form_prints_officer_situation_first_contact_chain_deadline_and_a_line_for_the_head(
    desk, tmp_path
):
    consultation = consultation_forward(
        actor=desk.guide, consultation=desk.raise_(), to_item=desk.other_item, note="属自然资源局职责"
    )
    consultation_accept_forward(actor=desk.other_guide, consultation=consultation)
    reply = consultation_reply(
        actor=desk.other_guide, consultation=consultation, form=reply_form(signer_name="指导员丙")
    )
    consultation.refresh_from_db()

    data = opinion_reply_docx(reply)

    doc = Document(io.BytesIO(data))
    summary = _rows(doc.tables[0])
    today = f"{timezone.localdate():%Y年%m月%d日}"
    assert summary["联络官"] == f"联络官甲（{desk.world.officer.number}）"
    assert summary["项目情况"] == "项目已取得土地，拟申请建设用地规划许可。"
    assert summary["首问负责及转办"] == (
        f"首问：指导员甲（区发展和改革局）；{today}转办至指导员丙（区自然资源局·事项NRB-X），{today}接收"
    )
    assert consultation.reply_due is not None
    assert summary["答复期限"] == f"{consultation.reply_due:%Y年%m月%d日}（按期答复）"
    assert summary["行业部门"] == "区自然资源局" and summary["专职指导员"] == "指导员丙"
    assert "属自然资源局职责" not in "\n".join(summary.values())  # the working note stays off the form
    sign_off = _rows(doc.tables[2])
    assert sign_off["专职指导员签字"] == f"指导员丙　　职务：科员　　日期：{reply.signed_on:%Y年%m月%d日}"
    assert (
        sign_off["部门负责人审核"] == "审核意见：\n\n\n负责人签字：　　　　　　日期：　　　　年　　月　　日"
    )
    assert "区自然资源局（盖章）" in [p.text for p in doc.paragraphs]

    text = flat(pdf_text(docx_to_pdf(data), tmp_path))
    for label in ("联络官", "项目情况", "首问负责及转办", "答复期限", "部门负责人审核", "负责人签字"):
        assert label in text, label
    assert "首问：指导员甲（区发展和改革局）" in text and "按期答复" in text


def test_a_reply_by_the_guide_first_asked_says_it_was_not_forwarded(reply):
    summary = _rows(Document(io.BytesIO(opinion_reply_docx(reply))).tables[0])

    assert summary["首问负责及转办"] == "首问：指导员甲（区发展和改革局），未转办"


def test_the_materials_table_lists_every_material_with_form_copies_issuer_and_how_to_obtain(reply):
    doc = Document(io.BytesIO(opinion_reply_docx(reply)))
    rows = [[cell.text for cell in row.cells] for row in doc.tables[1].rows]

    assert rows[0] == ["序号", "材料名称", "原件或复印件", "份数", "出具单位", "获取方式"]
    assert rows[1:] == [
        ["1", "建设用地规划许可申请表", "原件", "1", "项目单位", "—"],
        ["2", "国有土地使用权出让合同", "复印件", "2", "—", "自然资源局档案室"],
    ]


def test_the_form_keeps_songti_for_chinese_text(reply):
    doc = Document(io.BytesIO(opinion_reply_docx(reply)))
    fonts = {
        run.element.rPr.rFonts.get(qn("w:eastAsia"))
        for paragraph in doc.paragraphs
        for run in paragraph.runs
        if run.text.strip()
    }
    assert fonts == {"宋体"}


def test_a_supplementary_reply_carries_the_note_with_its_reason_and_what_was_added(desk, reply):
    second = desk.raise_(subject="方案调整后补充咨询", channel="online")
    lines = [*reply_form().materials, MaterialLine(name="地下空间开发利用方案", form="copy", copies=2)]
    supplement = consultation_reply(
        actor=desk.guide,
        consultation=second,
        form=reply_form(materials=lines, supplementary_reason="企业调整建设方案，增加地下商业空间"),
    )
    assert supplement.is_supplementary

    text = docx_text(opinion_reply_docx(supplement))

    assert "补充告知说明" in text
    assert "企业调整建设方案，增加地下商业空间" in text
    assert "材料：地下空间开发利用方案" in text
    assert "补充告知说明" not in docx_text(opinion_reply_docx(reply))


def test_a_reply_that_cannot_proceed_shows_the_reasons_and_remedies_instead_of_materials(desk):
    consultation = desk.raise_()
    reply = consultation_reply(
        actor=desk.guide,
        consultation=consultation,
        form=reply_form(
            materials=[],
            obstacles="用地性质与控制性详细规划不符",
            remedies="可在五个工作日内陈述申辩，或依法申请行政复议",
            joint_handling="区自然资源局先行出具规划条件",
        ),
    )

    data = opinion_reply_docx(reply)
    text = docx_text(data)

    assert "九、不能办理的原因" in text and "用地性质与控制性详细规划不符" in text
    assert "十、陈述申辩及救济途径" in text and "依法申请行政复议" in text
    assert "区自然资源局先行出具规划条件" in text
    rows = [[cell.text for cell in row.cells] for row in Document(io.BytesIO(data)).tables[1].rows]
    assert rows[1][1] == "无（见不能办理的原因）" and len(rows) == 2


def test_markup_typed_by_the_guide_is_printed_not_interpreted(desk):
    consultation = desk.raise_()
    reply = consultation_reply(
        actor=desk.guide,
        consultation=consultation,
        form=reply_form(opinion="A&B <注意> {{ secret }} 请按清单申报"),
    )
    assert "A&B <注意> {{ secret }} 请按清单申报" in docx_text(opinion_reply_docx(reply))


def test_the_form_is_built_in_a_fixed_number_of_queries(reply, django_assert_max_num_queries):
    # The reply with its relations, its materials, the consultation's hand-overs, the template.
    with django_assert_max_num_queries(4):
        opinion_reply_docx(reply)


def test_the_file_name_carries_the_consultation_number_and_the_reply_sequence(reply):
    number = reply.consultation.number
    assert opinion_reply_filename(reply, "docx") == f"意见回复表-{number}-1.docx"
    assert opinion_reply_filename(reply, ".PDF") == f"意见回复表-{number}-1.pdf"


def test_the_pdf_is_a4_with_the_chinese_project_and_material_names_intact(reply, tmp_path):
    pdf = opinion_reply_pdf(reply)

    assert pdf.startswith(b"%PDF-")
    text = flat(pdf_text(pdf, tmp_path))
    assert "行业部门审批（服务）事项意见回复表" in text
    assert "翠湖智造研发中心" in text
    assert "建设用地规划许可申请表" in text and "国有土地使用权出让合同" in text
    (tmp_path / "info.pdf").write_bytes(pdf)
    info = subprocess.run(
        [shutil.which("pdfinfo") or "pdfinfo", str(tmp_path / "info.pdf")],
        capture_output=True,
        check=True,
        text=True,
    )
    assert "A4" in info.stdout
