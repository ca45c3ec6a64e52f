"""Roster downloads (.xlsx, Attachment 1 .docx → PDF) and the whole-catalogue workbook."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm
from openpyxl import load_workbook

from liaison.audit.models import AuditEvent
from liaison.catalogue.exchange.templates.build_templates import ROSTER_TEMPLATE, build_roster_template
from liaison.catalogue.exchange.testing import seed_item
from liaison.catalogue.services.guides import guide_change_propose
from liaison.catalogue.stages import Stage

HEADERS = [
    "序号",
    "部门",
    "事项编码",
    "审批（服务）事项",
    "阶段",
    "指导员姓名",
    "职务",
    "办公电话",
    "手机号码",
    "任职日期",
    "备注",
]
START = dt.date(2025, 3, 3)


@pytest.fixture
def catalogue(center_admin, department, other_department, guide_user, second_guide):
    seed_item(
        actor=center_admin,
        department=department,
        code="DRC-001",
        name="企业投资项目核准",
        guide=guide_user,
        materials=["项目申请报告", "规划选址意见"],
        start_date=START,
    )
    seed_item(
        actor=center_admin,
        department=department,
        code="DRC-002",
        name="企业投资项目备案",
        stage=Stage.CONSTRUCTION_PERMIT,
        guide=second_guide,
        prerequisites=["DRC-001"],
        start_date=START,
    )
    seed_item(actor=center_admin, department=other_department, code="NRB-001", name="建设用地规划许可")


def _xlsx(response):
    return load_workbook(io.BytesIO(response.content))


def _export_events():
    return list(AuditEvent.objects.filter(action="roster.export").order_by("seq"))


@pytest.mark.django_db
def test_roster_xlsx_has_the_title_headers_and_rows_with_the_filters_applied(client, catalogue, center_admin):
    client.force_login(center_admin)

    response = client.get(reverse("catalogue:roster_export_xlsx"), {"stage": Stage.CONSTRUCTION_PERMIT})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert "attachment;" in response["Content-Disposition"]
    ws = _xlsx(response).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "五华区政务服务联络官审批服务专职指导员联系表"
    assert "建设许可" not in str(rows[1][0])
    assert "施工许可阶段" in str(rows[1][0])  # the scope line names the filter
    assert list(rows[2]) == HEADERS
    assert [[v.date() if isinstance(v, dt.datetime) else v for v in row] for row in rows[3:]] == [
        [
            1,
            "区发展和改革局",
            "DRC-002",
            "企业投资项目备案",
            "施工许可阶段",
            "指导员乙",
            "副科长",
            "0871-63100002",
            "13900003333",
            START,
            None,
        ]
    ]


@pytest.mark.django_db
def test_roster_xlsx_masks_phones_for_the_project_office_and_is_audited(client, catalogue, project_office):
    client.force_login(project_office)

    response = client.get(reverse("catalogue:roster_export_xlsx"))

    data_rows = list(_xlsx(response).active.iter_rows(min_row=4, values_only=True))
    assert [r[8] for r in data_rows] == ["139****2222", "139****3333", None]
    assert "13900002222" not in str(data_rows)
    (event,) = _export_events()
    assert event.actor == project_office
    assert event.changes["extra"] == {
        "format": "xlsx",
        "rows": 3,
        "filters": {"department": None, "stage": "", "q": ""},
        "phones_masked": True,
    }


@pytest.mark.django_db
def test_roster_docx_is_laid_out_as_attachment_1(client, catalogue, center_admin, settings):
    settings.REGION_NAME = "官渡区"
    client.force_login(center_admin)

    response = client.get(reverse("catalogue:roster_export_docx"))

    assert response.status_code == 200
    assert "wordprocessingml" in response["Content-Type"]
    doc = Document(io.BytesIO(response.content))
    texts = [p.text for p in doc.paragraphs]
    assert "官渡区政务服务联络官审批服务专职指导员联系表" in texts
    assert not any("{{" in t or "{%" in t for t in texts)
    (table,) = doc.tables
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[0] == HEADERS
    assert cells[1:] == [
        [
            "1",
            "区发展和改革局",
            "DRC-001",
            "企业投资项目核准",
            "立项及备案用地规划许可阶段",
            "指导员甲",
            "科长",
            "0871-63100001",
            "13900002222",
            "2025-03-03",
            "",
        ],
        [
            "2",
            "区发展和改革局",
            "DRC-002",
            "企业投资项目备案",
            "施工许可阶段",
            "指导员乙",
            "副科长",
            "0871-63100002",
            "13900003333",
            "2025-03-03",
            "",
        ],
        ["3", "区自然资源局", "NRB-001", "建设用地规划许可", "立项及备案用地规划许可阶段"]
        + [""] * 5
        + ["暂缺指导员"],
    ]
    section = doc.sections[0]
    width, height = section.page_width, section.page_height
    assert width is not None
    assert height is not None
    assert {round(width / Cm(1), 1), round(height / Cm(1), 1)} == {21.0, 29.7}
    fonts = doc.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "宋体"
    assert [e.changes["extra"]["format"] for e in _export_events()] == ["docx"]


LONG_NAME = "房屋建筑和市政基础设施工程施工图设计文件审查备案"  # 24 characters, the demo's longest


def _grid_widths_cm(table) -> list[float]:
    grid = table._tbl.tblGrid
    return [round(int(col.get(qn("w:w"))) / 567, 1) for col in grid.findall(qn("w:gridCol"))]


@pytest.mark.django_db
def test_attachment_1_prints_code_stage_start_date_and_remarks_in_columns_that_fit(
    client, center_admin, dept_admin, guide_user, second_guide
):
    department = dept_admin.department
    seed_item(
        actor=center_admin,
        department=department,
        code="DRC-010",
        name=LONG_NAME,
        stage=Stage.CONSTRUCTION_LICENSE,
        guide=guide_user,
        start_date=START,
    )
    changing = seed_item(
        actor=center_admin, department=department, code="DRC-011", name="企业投资项目备案", guide=guide_user
    )
    effective = timezone.localdate() + dt.timedelta(days=10)
    guide_change_propose(
        actor=dept_admin, item=changing, new_guide=second_guide, effective_date=effective, reason="岗位调整"
    )
    seed_item(actor=center_admin, department=department, code="DRC-012", name="节能审查")
    client.force_login(center_admin)

    doc = Document(io.BytesIO(client.get(reverse("catalogue:roster_export_docx")).content))

    (table,) = doc.tables
    header, *lines = [[c.text for c in row.cells] for row in table.rows]
    rows = {line[2]: dict(zip(header, line, strict=True)) for line in lines}
    long_row = rows["DRC-010"]
    assert long_row["事项编码"] == "DRC-010"
    assert long_row["审批（服务）事项"] == LONG_NAME
    assert long_row["阶段"] == "建设许可阶段"
    assert long_row["指导员姓名"] == "指导员甲"
    assert long_row["任职日期"] == "2025-03-03"
    assert long_row["备注"] == ""
    assert rows["DRC-011"]["备注"] == f"指导员乙拟于{effective:%Y-%m-%d}接任（待中心登记）"
    assert rows["DRC-011"]["指导员姓名"] == "指导员甲"  # the change is not in force until registered
    assert rows["DRC-012"]["备注"] == "暂缺指导员"
    assert rows["DRC-012"]["任职日期"] == ""

    # Explicit widths on the grid (what LibreOffice reads), filling the landscape text width exactly.
    widths = dict(zip(header, _grid_widths_cm(table), strict=True))
    section = doc.sections[0]
    text_width = (section.page_width - section.left_margin - section.right_margin) / Cm(1)
    assert abs(sum(widths.values()) - text_width) < 0.1
    assert len(set(widths.values())) > 3
    # In 9 pt (0.3175 cm a character) with 0.19 cm padding each side, a 24-character name takes two lines.
    per_line = int((widths["审批（服务）事项"] - 0.38) / 0.3175)
    assert per_line * 2 >= len(LONG_NAME)
    assert widths["审批（服务）事项"] == max(widths.values())
    assert widths["序号"] == min(widths.values())


@pytest.mark.django_db
def test_roster_docx_converts_to_pdf_with_the_chinese_text_intact(client, catalogue, center_admin, tmp_path):
    soffice = shutil.which("libreoffice") or shutil.which("soffice")
    pdftotext = shutil.which("pdftotext")
    assert soffice, "LibreOffice is required to check the printable roster"
    assert pdftotext, "poppler-utils (pdftotext) is required to check the printable roster"
    client.force_login(center_admin)
    source = tmp_path / "roster.docx"
    source.write_bytes(client.get(reverse("catalogue:roster_export_docx")).content)

    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "roster.pdf"
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True, timeout=60
    ).stdout.decode("utf-8")

    fonts = subprocess.run(
        [shutil.which("pdffonts") or "pdffonts", str(pdf)], check=True, capture_output=True, timeout=60
    ).stdout.decode()

    assert Path(pdf).stat().st_size > 0
    assert "CJK" in fonts  # the Chinese glyphs are drawn with a CJK font, not as empty boxes
    compact = "".join(text.split())
    assert "五华区政务服务联络官审批服务专职指导员联系表" in compact
    for fragment in (
        "审批（服务）事项",
        "姓名",  # 指导员姓名 wraps to two lines in its narrow header cell
        "事项编码",
        "任职日期",
        "备注",
        "DRC-001",
        "2025-03-03",
        "暂缺指导员",
        "企业投资项目核准",
        "指导员甲",
        "区发展和改革局",
        "13900002222",
    ):
        assert fragment in compact


@pytest.mark.django_db
def test_catalogue_workbook_has_the_four_sheets_with_every_row(client, catalogue, center_admin, guide_user):
    client.force_login(center_admin)

    response = client.get(reverse("catalogue:catalogue_export_xlsx"))

    assert response.status_code == 200
    wb = _xlsx(response)
    assert wb.sheetnames == ["部门", "事项", "材料", "指导员"]
    departments = list(wb["部门"].iter_rows(values_only=True))
    assert departments[0] == ("部门编码", "部门名称", "简称", "办公地址", "联系电话", "排序", "启用")
    assert {r[0] for r in departments[1:]} == {"DRC", "NRB"}
    items = {r[0]: r for r in wb["事项"].iter_rows(min_row=2, values_only=True)}
    assert items["DRC-002"][:5] == ("DRC-002", "企业投资项目备案", "DRC", "施工许可阶段", 10)
    assert items["DRC-002"][11] == "DRC-001"  # prerequisites as comma-separated codes
    assert items["DRC-001"][6:9] == ("《中华人民共和国行政许可法》", "不收费", "政务服务中心")
    materials = list(wb["材料"].iter_rows(min_row=2, values_only=True))
    assert materials == [
        ("DRC-001", 1, "项目申请报告", "原件", 1, "是", None, None),
        ("DRC-001", 2, "规划选址意见", "原件", 1, "是", None, None),
    ]
    guides = list(wb["指导员"].iter_rows(values_only=True))
    assert guides[0] == ("事项编码", "用户名", "姓名", "职务", "办公电话", "手机", "任职日期")
    assert guides[1][:6] == ("DRC-001", "t_guide", "指导员甲", "科长", "0871-63100001", "13900002222")
    assert guides[1][6] is not None
    assert [e.changes["extra"]["format"] for e in _export_events()] == ["catalogue_xlsx"]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["applicant", "project_office"])
def test_catalogue_workbook_is_forbidden_to_roles_that_see_masked_phones(request, client, catalogue, persona):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(reverse("catalogue:catalogue_export_xlsx"))

    assert response.status_code == 403
    assert _export_events() == []


@pytest.mark.django_db
def test_downloads_require_sign_in(client, catalogue):
    for name in ("roster_export_xlsx", "roster_export_docx", "catalogue_export_xlsx"):
        response = client.get(reverse(f"catalogue:{name}"))
        assert response.status_code == 302
    assert _export_events() == []


@pytest.mark.django_db
def test_exports_keep_markup_and_formula_like_text_as_plain_text(client, center_admin, department):
    seed_item(actor=center_admin, department=department, code="X-1", name='=HYPERLINK("x") <临时> & 变更\x0b')
    client.force_login(center_admin)

    docx = Document(io.BytesIO(client.get(reverse("catalogue:roster_export_docx")).content))
    wb = _xlsx(client.get(reverse("catalogue:catalogue_export_xlsx")))

    assert docx.tables[0].rows[1].cells[3].text.startswith('=HYPERLINK("x") <临时> & 变更')
    cell = wb["事项"]["B2"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("x") <临时> & 变更', "s")


def test_the_committed_roster_template_is_what_the_build_script_writes(tmp_path):
    fresh = build_roster_template(tmp_path / "roster.docx")

    def body(path: Path) -> bytes:
        with zipfile.ZipFile(path) as archive:
            return archive.read("word/document.xml")

    assert body(fresh) == body(ROSTER_TEMPLATE), "rebuild it: python -m " + build_roster_template.__module__
