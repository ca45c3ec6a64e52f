"""Build the Word templates of the assessment: the method (考核办法) and a period's report (考核结果通报).

The committed .docx files are what the platform fills (docxtpl); the centre may restyle them in WPS or
Word as long as the `{{ … }}` tags and the `{%tr … %}` lines stay. Rebuild them with:

    .venv/bin/python -m liaison.assessment.documents.build_template
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from liaison.core.docx_kit import a4_document, heading, key_value_table, line, set_column_widths, write

HERE = Path(__file__).resolve().parent
METHOD_TEMPLATE = HERE / "method.docx"
REPORT_TEMPLATE = HERE / "report.docx"

# A4 portrait with 2.5 cm margins leaves 16 cm; each table's widths (cm) add up to it.
INDICATOR_COLUMNS = (
    ("考核对象", "{{ i.kind }}", 1.8),
    ("指标", "{{ i.label }}", 2.6),
    ("单位", "{{ i.unit }}", 1.1),
    ("方向", "{{ i.direction }}", 1.7),
    ("权重", "{{ i.weight }}", 1.2),
    ("计分规则", "{{ i.rule }}", 4.2),
    ("统计口径", "{{ i.note }}", 3.4),
)
RESULT_COLUMNS = (
    ("类别", "{{ r.kind }}", 1.8),
    ("考核对象", "{{ r.label }}", 4.0),
    ("计算得分", "{{ r.computed }}", 1.9),
    ("调整后得分", "{{ r.adjusted }}", 1.9),
    ("最终得分", "{{ r.final }}", 1.9),
    ("调整理由", "{{ r.reason }}", 4.5),
)


def _rows_table(doc: Any, columns: tuple[tuple[str, str, float], ...], loop: str) -> None:
    """A bordered table: header, one row per entry ({%tr for %}), or one row saying there is none."""
    pad = [""] * (len(columns) - 1)
    rows = [
        [label for label, _tag, _w in columns],
        [f"{{%tr for {loop} %}}", *pad],
        [tag for _label, tag, _w in columns],
        ["{%tr endfor %}", *pad],
        [f"{{%tr if not {loop.split(' in ')[1]} %}}", *pad],
        ["无", *pad],
        ["{%tr endif %}", *pad],
    ]
    table = doc.add_table(rows=len(rows), cols=len(columns))
    table.style = doc.styles["Table Grid"]
    set_column_widths(table, [width for _label, _tag, width in columns])
    for n, (row, values) in enumerate(zip(table.rows, rows, strict=True)):
        for cell, value in zip(row.cells, values, strict=True):
            if value:
                write(cell.paragraphs[0], value, size=10.5, bold=n == 0)


def build_method_template(path: Path = METHOD_TEMPLATE) -> Path:
    doc = a4_document()
    heading(doc, "{{ title }}")
    line(doc, "第{{ version }}版　发布日期：{{ published_on }}　{{ state }}", align="right", size=11)
    line(doc, "{{ centre_name }}", align="right", size=11)
    line(doc, "一、说明", bold=True)
    line(doc, "{{ explanation }}")
    line(doc, "二、考核指标与权重", bold=True)
    _rows_table(doc, INDICATOR_COLUMNS, "i in indicators")
    line(doc, "三、计分方法", bold=True)
    line(doc, "{{ scoring_rule }}")
    doc.save(str(path))
    return path


def build_report_template(path: Path = REPORT_TEMPLATE) -> Path:
    doc = a4_document()
    heading(doc, "{{ code }} 考核结果通报")
    key_value_table(
        doc,
        [
            ("考核期", "{{ code }}（{{ start }} 至 {{ end }}）"),
            ("考核办法", "{{ method }}"),
            ("状态", "{{ state }}"),
            ("发布", "{{ published_by }}　{{ published_on }}"),
        ],
    )
    line(doc, "")
    _rows_table(doc, RESULT_COLUMNS, "r in results")
    line(doc, "{{ scoring_rule }}", size=10.5)
    line(doc, "{{ centre_name }}", align="right")
    doc.save(str(path))
    return path


def build_all() -> list[Path]:
    return [build_method_template(), build_report_template()]


if __name__ == "__main__":
    for built in build_all():
        print(built)
