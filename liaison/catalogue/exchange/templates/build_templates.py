"""Build the Word template of Attachment 1 (the guide roster) once, with python-docx.

The committed `roster.docx` is what the platform fills (docxtpl); the centre may restyle it in
WPS or Word as long as the `{{ … }}` and `{%tr … %}` tags stay. Rebuild the default with:

    .venv/bin/python -m liaison.catalogue.exchange.templates.build_templates
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import _Row

from liaison.catalogue.exchange.roster_columns import ROSTER_COLUMNS
from liaison.core.docx_kit import LATIN_FONT, set_cjk_fonts, set_column_widths, write

HERE = Path(__file__).resolve().parent
ROSTER_TEMPLATE = HERE / "roster.docx"
SIDE_MARGIN_CM = 1.5
HEADER_SIZE = 10
BODY_SIZE = 9  # 小五: eleven columns across A4 landscape


def _repeat_as_header(row: _Row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _fill_row(row: _Row, texts: list[str], *, size: float, header: bool = False) -> None:
    for cell, text, column in zip(row.cells, texts, ROSTER_COLUMNS, strict=True):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        paragraph = cell.paragraphs[0]
        left = column.wide_text and not header
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if left else WD_ALIGN_PARAGRAPH.CENTER
        write(paragraph, text, size=size, bold=header)


def build_roster_template(path: Path = ROSTER_TEMPLATE) -> Path:
    """Write the Attachment 1 template: A4 landscape, 宋体, one table row per roster line, fixed widths."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.font.size = Pt(BODY_SIZE)
    set_cjk_fonts(normal.element)

    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(SIDE_MARGIN_CM))
    section.top_margin = section.bottom_margin = Cm(2.0)

    write(doc.add_paragraph(), "附件1", size=14, bold=True)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    write(title, "{{ region_name }}政务服务联络官审批服务专职指导员联系表", size=18, bold=True)
    meta = doc.add_paragraph()
    meta.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    write(meta, "{{ scope }}制表：{{ centre_name }}　　更新日期：{{ updated }}", size=10.5)

    table = doc.add_table(rows=4, cols=len(ROSTER_COLUMNS))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fill_row(table.rows[0], [c.header for c in ROSTER_COLUMNS], size=HEADER_SIZE, header=True)
    _repeat_as_header(table.rows[0])
    table.rows[1].cells[0].paragraphs[0].add_run("{%tr for r in rows %}")
    _fill_row(table.rows[2], [f"{{{{ r.{c.field} }}}}" for c in ROSTER_COLUMNS], size=BODY_SIZE)
    table.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")
    set_column_widths(table, [c.docx_width for c in ROSTER_COLUMNS])

    note = doc.add_paragraph()
    write(note, "注：本表由系统根据指导员登记及变更备案动态生成，共 {{ rows|length }} 项。", size=10.5)
    doc.save(str(path))
    return path


if __name__ == "__main__":
    print(build_roster_template())
