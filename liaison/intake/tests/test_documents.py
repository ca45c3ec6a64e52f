"""The assignment order (Attachment 2) and the entrustment agreement: Word and PDF, A4, Chinese intact."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import io
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm

from liaison.core.documents import docx_to_pdf
from liaison.core.errors import DomainError
from liaison.intake.documents.render import assignment_order_docx, entrustment_agreement_docx
from liaison.intake.services.dispatch import assignment_dispatch
from liaison.intake.services.entrustments import entrustment_save_draft, entrustment_submit
from liaison.intake.services.review import entrustment_accept
from liaison.intake.tests.test_services_support import (  # noqa: F401 - fixtures
    fast_passwords,
    make_project,
    register_officer,
    request_in,
    usd_rate,
    world,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def dispatched(world):
    project = make_project(
        world.applicant, name="滇池星城二期商业综合体", national_code="2603-530102-04-01-100231"
    )
    request_in("accepted", applicant=world.applicant, admin=world.center_admin, project=project)
    assistant = register_officer(world.center_admin, "t_assistant")
    assignment_dispatch(actor=world.center_admin, project=project, lead=world.officer, assistants=[assistant])
    project.refresh_from_db()
    return project, assistant


def table_of(data: bytes) -> dict[str, str]:
    doc = Document(io.BytesIO(data))
    return {row.cells[0].text: row.cells[1].text for row in doc.tables[0].rows}


def pdf_text(pdf: bytes, tmp_path: Path) -> tuple[str, str]:
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        [shutil.which("pdftotext") or "pdftotext", "-layout", str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
    )
    info = subprocess.run(
        [shutil.which("pdfinfo") or "pdfinfo", str(path)], capture_output=True, check=True, text=True
    )
    return text.stdout, info.stdout


def test_the_assignment_order_table_holds_number_project_enterprise_contacts_and_officers(world, dispatched):
    project, assistant = dispatched

    data, filename = assignment_order_docx(project=project)

    table = table_of(data)
    assert filename == f"派任单-{project.service_number}-01.docx"
    assert table["服务编号"] == project.service_number
    assert table["项目名称"] == "滇池星城二期商业综合体"
    assert table["项目代码"] == "2603-530102-04-01-100231"
    assert table["项目单位"].startswith("滇池置业有限公司（统一社会信用代码：")
    assert table["项目负责人"].startswith("项目负责人") and "138" in table["项目负责人"]
    assert "项目经办人" in table["项目经办人"] and "139" in table["项目经办人"]
    assert "联络官甲" in table["主办联络官"] and "13800001111" in table["主办联络官"]
    assert assistant.user.full_name in table["协办联络官"] and assistant.user.mobile in table["协办联络官"]
    assert table["委托方式"] == "全程委托代办"
    assert "竣工验收阶段" in table["委托范围"]
    assert "年" in table["派任日期"]
    text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    assert "五华区政务服务联络官派任单" in text and "五华区政务服务中心" in text


def test_the_assignment_order_states_investment_stage_art_8_basis_period_and_signature_lines(world):
    project = make_project(
        world.applicant,
        name="滇池星城三期",
        total_investment=Decimal("80000000.00"),
        key_level="district",
        current_stage="construction_license",
    )
    request_in("accepted", applicant=world.applicant, admin=world.center_admin, project=project)
    assignment_dispatch(actor=world.center_admin, project=project, lead=world.officer)
    project.refresh_from_db()

    data, _name = assignment_order_docx(project=project)

    table = table_of(data)
    assert table["总投资"] == "8,000.00 万元"
    assert table["当前所处阶段"] == "建设许可阶段"
    assert table["代办范围依据"] == (
        "第八条第（一）项：社会投资内资项目总投资 8,000.00 万元，达到 2,000.00 万元以上（含本数）；"
        "第八条第（二）项：项目为区级重点项目，属区级及区级以上重点社会投资建设项目。"
    )
    # No service plan yet (intake alone): a line to fill in by hand.
    assert table["计划服务期限"] == "　　　　年　　月　　日至　　　　年　　月　　日"
    assert table["联络官签收"] == "签收人：　　　　　　　　日期：　　　　年　　月　　日"
    assert table["签发"] == "签发人：　　　　　　　　日期：　　　　年　　月　　日"
    labels = list(table)
    assert (
        labels.index("总投资")
        < labels.index("主办联络官")
        < labels.index("联络官签收")
        < labels.index("签发")
    )
    doc = Document(io.BytesIO(data))
    grid = [int(col.get(qn("w:w"))) for col in doc.tables[0]._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert 0.2 < grid[0] / sum(grid) < 0.3  # the label column is a quarter of the width, not half


def test_a_foreign_project_s_investment_is_in_wan_of_its_own_currency(world):
    usd_rate(world.center_admin)
    project = make_project(
        world.applicant, total_investment=Decimal("6000000.00"), currency="USD", investment_source="foreign"
    )
    request_in("accepted", applicant=world.applicant, admin=world.center_admin, project=project)
    assignment_dispatch(actor=world.center_admin, project=project, lead=world.officer)

    table = table_of(assignment_order_docx(project=project)[0])

    assert table["总投资"] == "600.00 万美元"
    assert table["代办范围依据"].startswith(
        "第八条第（一）项：外资项目总投资 600.00 万美元，达到 500.00 万美元以上（含本数）"
    )


def test_an_order_for_a_project_accepted_outside_art_8_says_so_with_the_applicant_s_reason(world):
    project = make_project(world.applicant, total_investment=Decimal("5000000.00"))
    entrustment = entrustment_save_draft(actor=world.applicant, project=project, scope="full")
    entrustment_submit(
        actor=world.applicant, entrustment=entrustment, accept_terms=True, ineligible_reason="区重大民生项目"
    )
    entrustment_accept(actor=world.center_admin, entrustment=entrustment)
    assignment_dispatch(actor=world.center_admin, project=project, lead=world.officer)

    table = table_of(assignment_order_docx(project=project)[0])

    assert table["代办范围依据"] == "不符合第八条任何一项，经中心审查受理。申请理由：区重大民生项目"


def test_the_documents_are_a4_with_the_east_asian_font_set(world, dispatched):
    project, _ = dispatched
    for data, _name in (assignment_order_docx(project=project), entrustment_agreement_docx(project=project)):
        doc = Document(io.BytesIO(data))
        section = doc.sections[0]
        assert abs(section.page_width - Cm(21)) < Cm(0.01)
        assert abs(section.page_height - Cm(29.7)) < Cm(0.01)
        normal = doc.styles["Normal"].element.rPr.rFonts
        assert normal.get(qn("w:eastAsia")) == "宋体"
        run = doc.tables[0].rows[0].cells[0].paragraphs[0].runs[0]
        assert run._r.rPr.rFonts.get(qn("w:eastAsia")) == "宋体"


def test_the_assignment_order_converts_to_an_a4_pdf_with_the_chinese_text_intact(world, dispatched, tmp_path):
    project, _ = dispatched
    data, _name = assignment_order_docx(project=project)

    text, info = pdf_text(docx_to_pdf(data), tmp_path)

    assert "A4" in info
    flat = text.replace(" ", "")
    for expected in (
        "政务服务联络官派任单",
        project.service_number,
        "滇池星城二期商业综合体",
        "滇池置业有限公司",
        "联络官甲",
        "13800001111",
    ):
        assert expected in flat, expected


def test_the_entrustment_agreement_states_the_parties_the_scope_and_the_free_service(
    world, dispatched, tmp_path
):
    project, _ = dispatched

    data, filename = entrustment_agreement_docx(project=project)

    assert filename == f"委托代办协议-{project.service_number}.docx"
    table = table_of(data)
    assert table["项目名称"] == "滇池星城二期商业综合体"
    assert table["总投资"] == "3,000.00 万元"  # as the assignment order states it
    body = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    assert f"服务编号：{project.service_number}" in body
    assert "甲方（委托方）：滇池置业有限公司" in body
    assert "不向甲方收取任何代办服务费用" in body
    text, info = pdf_text(docx_to_pdf(data), tmp_path)
    assert "A4" in info
    assert "委托代办协议" in text.replace(" ", "")


def test_an_enterprise_name_with_markup_characters_is_escaped_not_broken(world):
    from liaison.intake.services.enterprises import enterprise_register
    from liaison.intake.tests.test_services_support import PASSWORD, make_uscc

    applicant = enterprise_register(
        name="A&B <云南> 置业有限公司",
        uscc=make_uscc(9090),
        address="五华区",
        legal_representative="法人",
        username="markup",
        password=PASSWORD,
        email="markup@example.com",
        lead_name="甲",
        lead_mobile="13800000001",
        handler_name="乙",
        handler_mobile="13800000002",
    )
    project = request_in("accepted", applicant=applicant, admin=world.center_admin).project
    data, _ = entrustment_agreement_docx(project=project)
    assert table_of(data) and "A&B <云南> 置业有限公司" in "\n".join(
        p.text for p in Document(io.BytesIO(data)).paragraphs
    )


def test_no_order_before_dispatch_and_no_agreement_before_acceptance(world):
    submitted = request_in("submitted", applicant=world.applicant, admin=world.center_admin)
    with pytest.raises(DomainError, match="尚未受理"):
        entrustment_agreement_docx(project=submitted.project)
    accepted = request_in("accepted", applicant=world.applicant, admin=world.center_admin)
    with pytest.raises(DomainError, match="尚未派任"):
        assignment_order_docx(project=accepted.project)
