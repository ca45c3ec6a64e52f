"""Build the Word templates of the closure's forms: 资料移交清单 (handover list), 办结单 (completion form) and
终止委托代办确认单 (termination form).

The committed .docx files are what the platform fills (docxtpl); the centre may restyle them in WPS or Word
as long as the `{{ … }}` tags and the `{%tr … %}` lines stay. Rebuild the defaults with:

    .venv/bin/python -m liaison.closure.documents.build_templates
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from liaison.core.docx_kit import (
    BLANK_DATE,
    a4_document,
    heading,
    key_value_table,
    line,
    set_column_widths,
    write,
)

HERE = Path(__file__).resolve().parent
HANDOVER_TEMPLATE = HERE / "handover_list.docx"
COMPLETION_TEMPLATE = HERE / "completion_form.docx"
TERMINATION_TEMPLATE = HERE / "termination_form.docx"

# A4 portrait with 2.5 cm margins leaves 16 cm; each table's widths (cm) add up to it.
HANDOVER_COLUMNS = (
    ("序号", "{{ l.seq }}", 1.3),
    ("资料名称", "{{ l.name }}", 3.2),
    ("发文（发证）机关", "{{ l.issuer }}", 2.5),
    ("文号（证号）", "{{ l.number }}", 2.6),
    ("原件/复印件", "{{ l.form }}", 1.7),
    ("份数", "{{ l.copies }}", 1.3),
    ("页数", "{{ l.pages }}", 1.3),
    ("备注", "{{ l.remarks }}", 2.1),
)
COMPLETION_ITEM_COLUMNS = (
    ("序号", "{{ i.seq }}", 1.3),
    ("审批（服务）事项", "{{ i.name }}", 5.5),
    ("行业部门", "{{ i.department }}", 3.6),
    ("办理结果", "{{ i.result }}", 2.4),
    ("办结日期", "{{ i.ended_on }}", 3.2),
)
TERMINATION_ITEM_COLUMNS = (
    ("序号", "{{ i.seq }}", 1.3),
    ("审批（服务）事项", "{{ i.name }}", 6.1),
    ("行业部门", "{{ i.department }}", 4.6),
    ("处理结果", "{{ i.result }}", 4.0),
)
SIGN_SPACE = "　" * 8


def _rows_table(doc: Any, columns: tuple[tuple[str, str, float], ...], loop: str, empty: list[str]) -> None:
    """A bordered table: header, one row per entry ({%tr for %}), or one row saying there is none."""
    pad = [""] * (len(columns) - 1)
    rows = [
        [label for label, _tag, _w in columns],
        [f"{{%tr for {loop} %}}", *pad],
        [tag for _label, tag, _w in columns],
        ["{%tr endfor %}", *pad],
        [f"{{%tr if not {loop.split(' in ')[1]} %}}", *pad],
        empty,
        ["{%tr endif %}", *pad],
    ]
    table = doc.add_table(rows=len(rows), cols=len(columns))
    table.style = doc.styles["Table Grid"]
    set_column_widths(table, [width for _label, _tag, width in columns])
    for n, (row, values) in enumerate(zip(table.rows, rows, strict=True)):
        for cell, value in zip(row.cells, values, strict=True):
            if value:
                write(cell.paragraphs[0], value, size=10.5, bold=n == 0)


def _header(doc: Any, title: str) -> None:
    heading(doc, title)
    line(doc, "服务编号：{{ service_number }}", align="right", size=11)


def _project_rows() -> list[tuple[str, str]]:
    return [
        ("项目名称", "{{ project_name }}"),
        ("服务编号", "{{ service_number }}"),
        ("项目代码", "{{ national_code }}"),
        ("项目单位", "{{ enterprise_name }}"),
        ("联络官", "{{ officers }}"),
    ]


def _signature(label: str, date: str = BLANK_DATE) -> tuple[str, str]:
    return (label, f"{SIGN_SPACE}　　日期：{date}")


def build_handover_template(path: Path = HANDOVER_TEMPLATE) -> Path:
    doc = a4_document()
    _header(doc, "资料移交清单")
    key_value_table(doc, _project_rows())
    line(doc, "")
    _rows_table(doc, HANDOVER_COLUMNS, "l in lines", ["—", "无", "—", "—", "—", "—", "—", "—"])
    line(doc, "共{{ line_count }}项，其中已移交{{ handed_count }}项、未移交{{ kept_count }}项。", size=11)
    line(doc, "")
    key_value_table(
        doc,
        [
            _signature("移交人（联络官）签字", "{{ handed_over_on }}"),
            _signature("接收人（项目单位）签字", "{{ received_on }}"),
        ],
        widths=(5.8, 10.2),
    )
    doc.save(str(path))
    return path


def build_completion_template(path: Path = COMPLETION_TEMPLATE) -> Path:
    doc = a4_document()
    _header(doc, "政务服务联络官服务办结单")
    key_value_table(
        doc,
        [
            *_project_rows(),
            ("委托方式", "{{ scope }}"),
            ("委托范围", "{{ scope_detail }}"),
            ("服务期限", "{{ service_period }}"),
            ("资料移交", "{{ handover_summary }}"),
            ("办结说明", "{{ completion_note }}"),
        ],
    )
    line(doc, "")
    line(doc, "审批（服务）事项及办理结果", bold=True)
    _rows_table(doc, COMPLETION_ITEM_COLUMNS, "i in items", ["—", "无", "—", "—", "—"])
    line(doc, "")
    key_value_table(
        doc,
        [
            ("中心确认办结", "{{ confirmed_by }}　{{ confirmed_on }}　{{ confirmation_comment }}"),
            _signature("中心负责人签字"),
        ],
    )
    line(doc, "{{ centre_name }}（盖章）", align="right")
    doc.save(str(path))
    return path


def build_termination_template(path: Path = TERMINATION_TEMPLATE) -> Path:
    doc = a4_document()
    _header(doc, "终止委托代办确认单")
    key_value_table(
        doc,
        [
            *_project_rows(),
            ("委托方式", "{{ scope }}"),
            ("委托范围", "{{ scope_detail }}"),
            ("服务期限", "{{ service_period }}"),
            ("申请终止", "{{ requested_by }}　{{ requested_on }}"),
            ("终止原因", "{{ reason }}"),
            ("原因说明", "{{ reason_note }}"),
        ],
    )
    line(doc, "")
    line(doc, "撤回的审批（服务）事项", bold=True)
    _rows_table(doc, TERMINATION_ITEM_COLUMNS, "i in items", ["—", "无", "—", "—"])
    line(doc, "终止委托代办后，联络官按资料移交清单向项目单位移交相关资料。", size=11)
    line(doc, "")
    key_value_table(
        doc,
        [
            ("中心确认终止", "{{ confirmed_by }}　{{ confirmed_on }}　{{ confirmation_comment }}"),
            _signature("项目单位签字"),
            _signature("联络官签字"),
            _signature("中心负责人签字"),
        ],
    )
    line(doc, "{{ centre_name }}（盖章）", align="right")
    doc.save(str(path))
    return path


def build_all() -> list[Path]:
    return [build_handover_template(), build_completion_template(), build_termination_template()]


if __name__ == "__main__":
    for built in build_all():
        print(built)
