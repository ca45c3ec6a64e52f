"""Build the Word templates of the assignment order (Attachment 2) and the entrustment agreement.

The committed .docx files are what the platform fills (docxtpl); the centre may restyle them in WPS or
Word as long as the `{{ … }}` tags stay. Rebuild the defaults with:

    .venv/bin/python -m liaison.intake.documents.build_templates
"""

from __future__ import annotations

from pathlib import Path

from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.shared import Cm

from liaison.core.docx_kit import BLANK_DATE, a4_document, heading, key_value_table, line

HERE = Path(__file__).resolve().parent
ORDER_TEMPLATE = HERE / "assignment_order.docx"
SIGNATURE_SPACE = "　" * 8  # room for a handwritten name; the line still fits the 12 cm value column
AGREEMENT_TEMPLATE = HERE / "entrustment_agreement.docx"


def build_order_template(path: Path = ORDER_TEMPLATE) -> Path:
    doc = a4_document()
    line(doc, "附件2", size=14, bold=True)
    heading(doc, "{{ region_name }}政务服务联络官派任单")
    line(doc, "派任单号：{{ order_number }}", align="right")
    table = key_value_table(
        doc,
        [
            ("服务编号", "{{ service_number }}"),
            ("项目名称", "{{ project_name }}"),
            ("项目代码", "{{ national_code }}"),
            ("建设地点", "{{ location }}"),
            ("项目单位", "{{ enterprise_name }}（统一社会信用代码：{{ uscc }}）"),
            ("总投资", "{{ investment }}"),
            ("当前所处阶段", "{{ current_stage }}"),
            ("代办范围依据", "{{ eligibility_basis }}"),
            ("项目负责人", "{{ lead_contact }}"),
            ("项目经办人", "{{ handler_contact }}"),
            ("委托方式", "{{ scope }}"),
            ("委托范围", "{{ scope_detail }}"),
            ("计划服务期限", "{{ planned_period }}"),
            ("主办联络官", "{{ lead_officer }}"),
            ("协办联络官", "{{ assistant_officers }}"),
            ("派任日期", "{{ assigned_date }}"),
            ("联络官签收", f"签收人：{SIGNATURE_SPACE}日期：{BLANK_DATE}"),
            ("签发", f"签发人：{SIGNATURE_SPACE}日期：{BLANK_DATE}"),
        ],
    )
    for row in table.rows[-2:]:  # room for a handwritten signature
        row.height, row.height_rule = Cm(1.4), WD_ROW_HEIGHT_RULE.AT_LEAST
    line(doc, "")
    line(
        doc,
        "请联络官接到任务后及时了解项目审批进展情况，咨询相关审批（服务）事项专职指导员，"
        "依据项目实际制定服务方案，实施服务。",
        size=11,
    )
    line(doc, "")
    line(doc, "派任单位：{{ centre_name }}（盖章）", align="right")
    line(doc, "{{ assigned_date }}", align="right")
    doc.save(str(path))
    return path


def build_agreement_template(path: Path = AGREEMENT_TEMPLATE) -> Path:
    doc = a4_document()
    heading(doc, "{{ region_name }}投资建设项目政务服务联络官委托代办协议")
    line(doc, "服务编号：{{ service_number }}", align="right")
    line(doc, "甲方（委托方）：{{ enterprise_name }}")
    line(doc, "统一社会信用代码：{{ uscc }}　　法定代表人：{{ legal_representative }}")
    line(doc, "地址：{{ enterprise_address }}")
    line(doc, "乙方（受托方）：{{ centre_name }}")
    line(doc, "")
    line(doc, "甲方自愿委托乙方为下列项目提供政务服务联络官代办服务，双方约定如下：")
    key_value_table(
        doc,
        [
            ("项目名称", "{{ project_name }}"),
            ("建设地点", "{{ location }}"),
            ("总投资", "{{ investment }}"),
            ("委托方式", "{{ scope }}"),
            ("委托范围", "{{ scope_detail }}"),
            ("项目负责人", "{{ lead_contact }}"),
            ("项目经办人", "{{ handler_contact }}"),
        ],
    )
    for clause in (
        "一、乙方坚持自愿委托、无偿代办、全程服务、合法高效的原则，不向甲方收取任何代办服务费用。",
        "二、乙方派任政务服务联络官，指导甲方熟知审批流程，协助编制审批进度计划，协助分阶段准备申报材料，"
        "全程跟踪并及时反馈办理进展，整理、保管并移交项目资料。",
        "三、甲方明确项目负责人和项目经办人并保持稳定，如有变动及时告知联络官；及时提供真实、有效、完整的申报材料，"
        "按审批部门要求及时修改补充；审批环节需本单位人员到场的及时到场；按规定及时缴纳各类规费。",
        "四、因项目不具备办结条件或甲方要求终止委托的，双方办理终止委托代办手续，注明终止原因，乙方移交相关资料。",
        "五、服务完成后，乙方向甲方移交有关资料，办理服务办结手续，甲方对服务进行评价。",
        "六、甲方可向乙方投诉服务中的业务问题；涉及廉政和作风问题的，可向区纪委监委反映。",
    ):
        line(doc, clause, size=11)
    line(doc, "")
    line(doc, "甲方（盖章）：　　　　　　　　　　乙方（盖章）：{{ centre_name }}")
    line(doc, "签订日期：{{ accepted_date }}")
    doc.save(str(path))
    return path


if __name__ == "__main__":
    print(build_order_template(), build_agreement_template())
