"""Word documents built with the A4/宋体 helpers, filled from templates and converted to PDF by LibreOffice."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm

from liaison.core.documents import docx_to_pdf
from liaison.core.docx_kit import a4_document, heading, key_value_table, line, render_template
from liaison.core.errors import DomainError


def tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} (poppler-utils) is needed"
    return path


def sample(path=None) -> bytes:
    doc = a4_document()
    heading(doc, "{{ title }}")
    key_value_table(doc, [("名称", "{{ name }}"), ("电话", "{{ phone }}")])
    line(doc, "落款：{{ centre }}", align="right")
    buffer = io.BytesIO()
    doc.save(buffer)
    if path is not None:
        path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


def test_a_new_document_is_a4_portrait_with_songti_for_east_asian_text():
    doc = a4_document()
    section = doc.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.01) and abs(section.page_height - Cm(29.7)) < Cm(0.01)
    fonts = doc.styles["Normal"].element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "宋体"
    assert doc.styles["Normal"].element.rPr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"


def test_landscape_swaps_the_page_dimensions():
    section = a4_document(landscape=True).sections[0]
    assert section.page_width > section.page_height


def test_a_template_is_filled_and_markup_in_values_is_escaped(tmp_path):
    path = tmp_path / "t.docx"
    sample(path)
    data = render_template(
        path, {"title": "派任单", "name": "A&B <公司>", "phone": "0871-1234", "centre": "中心"}
    )
    doc = Document(io.BytesIO(data))
    assert doc.paragraphs[0].text == "派任单"
    assert [row.cells[1].text for row in doc.tables[0].rows] == ["A&B <公司>", "0871-1234"]


def test_docx_converts_to_pdf_with_the_chinese_text_intact(tmp_path):
    path = tmp_path / "t.docx"
    sample(path)
    data = render_template(
        path, {"title": "政务服务联络官派任单", "name": "五华区", "phone": "13800001111", "centre": "中心"}
    )

    pdf = docx_to_pdf(data)

    assert pdf.startswith(b"%PDF-")
    (tmp_path / "t.pdf").write_bytes(pdf)
    text = subprocess.run(
        [tool("pdftotext"), str(tmp_path / "t.pdf"), "-"], capture_output=True, text=True, check=True
    )
    assert "政务服务联络官派任单" in text.stdout.replace(" ", "")
    info = subprocess.run(
        [tool("pdfinfo"), str(tmp_path / "t.pdf")], capture_output=True, text=True, check=True
    )
    assert "A4" in info.stdout


def test_without_libreoffice_the_user_is_told_to_download_the_word_file(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(DomainError, match="请下载Word版本"):
        docx_to_pdf(sample())
