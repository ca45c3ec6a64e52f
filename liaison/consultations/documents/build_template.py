"""Build the Word template of the opinion-reply form (行业部门审批（服务）事项意见回复表, Attachment 3).

The committed .docx is what the platform fills (docxtpl); the centre may restyle it in WPS or Word as
long as the `{{ … }}` tags and the `{%p … %}` / `{%tr … %}` lines stay. Rebuild the default with:

    .venv/bin/python -m liaison.consultations.documents.build_template
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.shared import Cm

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
OPINION_REPLY_TEMPLATE = HERE / "opinion_reply.docx"

# 序号 / 名称 / 原件或复印件 / 份数 / 出具单位 / 获取方式, and the widths (cm) that fit A4 with 2.5 cm margins.
MATERIAL_COLUMNS = (
    ("序号", "{{ m.seq }}", 1.2),
    ("材料名称", "{{ m.name }}{{ m.optional_note }}", 5.0),
    ("原件或复印件", "{{ m.form }}", 2.2),
    ("份数", "{{ m.copies }}", 1.2),
    ("出具单位", "{{ m.issuing_body }}", 3.0),
    ("获取方式", "{{ m.how_to_obtain }}", 3.4),
)


def _section(doc: Any, title: str, body: str | None = None) -> None:
    line(doc, title, bold=True)
    if body is not None:
        line(doc, body, size=11)


def _materials_table(doc: Any) -> None:
    """Header, then one row per material ({%tr for %}), or one "none" row when the list is empty."""
    rows = [
        [label for label, _tag, _w in MATERIAL_COLUMNS],
        ["{%tr for m in materials %}"] + [""] * (len(MATERIAL_COLUMNS) - 1),
        [tag for _label, tag, _w in MATERIAL_COLUMNS],
        ["{%tr endfor %}"] + [""] * (len(MATERIAL_COLUMNS) - 1),
        ["{%tr if not materials %}"] + [""] * (len(MATERIAL_COLUMNS) - 1),
        ["—", "无（见不能办理的原因）", "—", "—", "—", "—"],
        ["{%tr endif %}"] + [""] * (len(MATERIAL_COLUMNS) - 1),
    ]
    table = doc.add_table(rows=len(rows), cols=len(MATERIAL_COLUMNS))
    table.style = doc.styles["Table Grid"]
    set_column_widths(table, [width for _label, _tag, width in MATERIAL_COLUMNS])
    for n, (row, values) in enumerate(zip(table.rows, rows, strict=True)):
        for cell, value in zip(row.cells, values, strict=True):
            if value:
                write(cell.paragraphs[0], value, size=10.5, bold=n == 0)


def _sign_off(doc: Any) -> None:
    """The guide's signature, then room for the department head's review, signature and date."""
    table = key_value_table(
        doc,
        [
            ("专职指导员签字", "{{ signer_name }}　　职务：{{ signer_post }}　　日期：{{ signed_on }}"),
            ("部门负责人审核", "审核意见："),
        ],
    )
    head = table.rows[1]
    head.height, head.height_rule = Cm(3.0), WD_ROW_HEIGHT_RULE.AT_LEAST
    cell = head.cells[1]
    write(cell.add_paragraph(), "")
    write(cell.add_paragraph(), "")
    write(cell.add_paragraph(), f"负责人签字：{'　' * 6}日期：{BLANK_DATE}")


def build_opinion_reply_template(path: Path = OPINION_REPLY_TEMPLATE) -> Path:
    doc = a4_document()
    line(doc, "附件3", size=14, bold=True)
    heading(doc, "行业部门审批（服务）事项意见回复表")
    line(doc, "编号：{{ consultation_number }}　第{{ reply_seq }}次答复", align="right", size=11)
    key_value_table(
        doc,
        [
            ("项目名称", "{{ project_name }}"),
            ("服务编号", "{{ service_number }}"),
            ("项目代码", "{{ national_code }}"),
            ("项目单位", "{{ enterprise_name }}"),
            ("联络官", "{{ officer }}"),
            ("审批（服务）事项", "{{ item_code }}　{{ item_name }}"),
            ("行业部门", "{{ department }}"),
            ("专职指导员", "{{ guide }}"),
            ("首问负责及转办", "{{ first_contact_chain }}"),
            ("咨询事由", "{{ subject }}"),
            ("联络方式及日期", "{{ channel }}　{{ consultation_date }}"),
            ("项目情况", "{{ situation }}"),
            ("具体诉求", "{{ requests }}"),
            ("答复期限", "{{ reply_due }}{{ reply_timeliness }}"),
            ("处理意见", "{{ opinion }}"),
        ],
    )
    line(doc, "")
    line(doc, "一次性告知内容", size=14, bold=True, align="center")
    _section(doc, "一、设定依据", "{{ legal_basis }}")
    _section(doc, "二、办理条件")
    line(doc, "{%p for c in conditions %}")
    line(doc, "{{ loop.index }}. {{ c }}", size=11)
    line(doc, "{%p endfor %}")
    _section(doc, "三、申报材料")
    _materials_table(doc)
    _section(doc, "四、办理流程", "{{ procedure }}")
    _section(doc, "五、办理时限", "{{ time_limit }}")
    _section(doc, "六、收费标准及依据", "{{ fees }}")
    _section(doc, "七、办理地点及联系人", "{{ contact }}")
    _section(doc, "八、联办部门及办理顺序", "{{ joint_handling }}")
    line(doc, "{%p if obstacles %}")
    _section(doc, "九、不能办理的原因", "{{ obstacles }}")
    _section(doc, "十、陈述申辩及救济途径", "{{ remedies }}")
    line(doc, "{%p endif %}")
    line(doc, "{%p if is_supplementary %}")
    line(doc, "")
    line(doc, "补充告知说明", bold=True)
    line(doc, "本表为对同一事项此前一次性告知的补充告知。补充原因：{{ supplementary_reason }}", size=11)
    line(doc, "较此前告知新增：{{ added_entries }}", size=11)
    line(doc, "{%p endif %}")
    line(doc, "")
    _sign_off(doc)
    line(doc, "{{ department }}（盖章）", align="right")
    doc.save(str(path))
    return path


if __name__ == "__main__":
    print(build_opinion_reply_template())
