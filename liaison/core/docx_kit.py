"""Small python-docx helpers for building the Word templates the centre can edit (A4, 宋体 set explicitly)."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docxtpl import DocxTemplate

EAST_ASIA_FONT = "宋体"
LATIN_FONT = "Times New Roman"


# A date left for a hand to fill in on paper, as Chinese forms print it.
BLANK_DATE = "　　　　年　　月　　日"


def form_date(value: dt.date | None) -> str:
    """A date as a Chinese form prints it (2026年01月05日); the blank 年 月 日 to fill by hand if None."""
    return f"{value:%Y年%m月%d日}" if value is not None else BLANK_DATE


def set_cjk_fonts(element: Any) -> None:
    """Set Latin and East-Asian fonts and the zh-CN language on a run's or a style's rPr."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr, name in (("w:ascii", LATIN_FONT), ("w:hAnsi", LATIN_FONT), ("w:eastAsia", EAST_ASIA_FONT)):
        fonts.set(qn(attr), name)
    fonts.set(qn("w:hint"), "eastAsia")
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


def a4_document(*, landscape: bool = False, font_size: float = 12) -> Any:
    """A new document: A4, 2.5/2 cm margins, Normal style in 宋体."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.font.size = Pt(font_size)
    set_cjk_fonts(normal.element)
    section = doc.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    else:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = section.bottom_margin = Cm(2.0)
    return doc


# Characters XML 1.0 forbids (pasted text brings e.g. \x0b, Word's soft line break): python-docx refuses them.
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def write(paragraph: Any, text: str, *, size: float = 12, bold: bool = False) -> Any:
    run = paragraph.add_run(XML_ILLEGAL.sub(" ", text))
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = LATIN_FONT
    set_cjk_fonts(run._r)
    return run


def heading(doc: Any, text: str, *, size: float = 18) -> None:
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    write(paragraph, text, size=size, bold=True)


def line(doc: Any, text: str, *, size: float = 12, bold: bool = False, align: str = "left") -> None:
    paragraph = doc.add_paragraph()
    paragraph.alignment = {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
    }[align]
    write(paragraph, text, size=size, bold=bold)


def set_column_widths(table: Any, widths: list[float] | tuple[float, ...]) -> None:
    """Fixed column widths (cm) on the grid and on every cell: LibreOffice lays a table out from its
    <w:gridCol> widths, Word from the cells' <w:tcW>; python-docx leaves the grid evenly divided."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)


def key_value_table(
    doc: Any, rows: list[tuple[str, str]], *, widths: tuple[float, float] = (4.0, 12.0)
) -> Any:
    """A two-column form table: label | value (values are usually docxtpl tags); the label column takes
    `widths[0]` cm (a quarter of an A4 portrait text width by default)."""
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = doc.styles["Table Grid"]
    for row, (label, value) in zip(table.rows, rows, strict=True):
        write(row.cells[0].paragraphs[0], label, bold=True)
        write(row.cells[1].paragraphs[0], value)
    set_column_widths(table, widths)
    return table


def render_template(path: Path, context: dict[str, Any]) -> bytes:
    """Fill a committed .docx template with `context` (autoescaped) and return the bytes."""
    doc = DocxTemplate(str(path))
    doc.render(context, autoescape=True)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
