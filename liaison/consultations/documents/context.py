"""What the opinion-reply template (Attachment 3) is filled with, and its entry in intake's template registry.

The tags are plain names the centre can keep when it restyles the template; `conditions` is a list of
strings and `materials` a list of rows (m.seq, m.name, m.optional_note, m.form, m.copies,
m.issuing_body, m.how_to_obtain). The first-contact chain names who was asked first and every
hand-over up to this reply, with dates; the forwarding notes stay off the form (the enterprise reads it,
and those notes are the officials' working notes).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.consultations.documents.build_template import OPINION_REPLY_TEMPLATE
from liaison.consultations.models import Channel, Forwarding, OpinionReply
from liaison.core.docx_kit import form_date
from liaison.intake.documents.registry import DocumentSpec, register_document
from liaison.intake.models import DocumentKind

KIND = DocumentKind.OPINION_REPLY

VARIABLES = frozenset(
    {
        "region_name",
        "centre_name",
        "project_name",
        "service_number",
        "national_code",
        "location",
        "enterprise_name",
        "uscc",
        "item_code",
        "item_name",
        "department",
        "guide",
        "consultation_number",
        "officer",
        "first_contact_chain",
        "reply_due",
        "reply_timeliness",
        "subject",
        "channel",
        "consultation_date",
        "situation",
        "requests",
        "reply_seq",
        "opinion",
        "legal_basis",
        "conditions",
        "materials",
        "procedure",
        "time_limit",
        "fees",
        "contact",
        "joint_handling",
        "obstacles",
        "remedies",
        "is_supplementary",
        "supplementary_reason",
        "added_entries",
        "signer_name",
        "signer_post",
        "signed_on",
    }
)
# Without these the form is not a complete one-time notification from an identified department.
REQUIRED = frozenset(
    {
        "project_name",
        "item_name",
        "department",
        "opinion",
        "legal_basis",
        "conditions",
        "materials",
        "signer_name",
        "signed_on",
    }
)


def _day(value: Any) -> str:
    return form_date(value)


def _officer(reply: OpinionReply) -> str:
    user = reply.consultation.raised_by
    officer = getattr(user, "officer", None)
    return f"{user.display_name}（{officer.number}）" if officer else user.display_name


def _hand_over(forwarding: Forwarding) -> str:
    values = {
        "date": _day(timezone.localdate(forwarding.forwarded_at)),
        "from": forwarding.from_guide.display_name,
        "guide": forwarding.to_guide.display_name,
        "department": forwarding.to_item.department.name,
        "item": forwarding.to_item.name,
    }
    if forwarding.automatic:
        return _("%(date)s因指导员变更由%(from)s移交%(guide)s") % values
    text = _("%(date)s转办至%(guide)s（%(department)s·%(item)s）") % values
    if forwarding.accepted_at is None:
        return text + _("，待接收")
    return text + _("，%(date)s接收") % {"date": _day(timezone.localdate(forwarding.accepted_at))}


def _first_contact_chain(reply: OpinionReply) -> str:
    """首问负责: who was asked first, then each hand-over made before this reply."""
    chain = [f for f in reply.consultation.forwardings.all() if f.forwarded_at <= reply.replied_at]
    department = chain[0].from_item.department.name if chain else reply.department.name
    first = _("首问：%(guide)s（%(department)s）") % {
        "guide": reply.consultation.first_contact.display_name,
        "department": department,
    }
    if not chain:
        return first + _("，未转办")
    return "；".join([first, *(_hand_over(f) for f in chain)])


def _reply_due(reply: OpinionReply) -> tuple[str, str]:
    """The reply deadline and, for the first reply, whether it came in time."""
    due = reply.consultation.reply_due
    if due is None:
        return _("未能计算（工作日历缺少相应年份）"), ""
    if reply.seq > 1:
        return _day(due), ""
    return _day(due), _("（按期答复）") if reply.on_time else _("（逾期答复）")


def _material_rows(reply: OpinionReply) -> list[dict[str, Any]]:
    return [
        {
            "seq": m.seq,
            "name": m.name,
            "optional_note": "" if m.required else _("（如有）"),
            "form": m.get_form_display(),
            "copies": m.copies,
            "issuing_body": m.issuing_body or "—",
            "how_to_obtain": m.how_to_obtain or "—",
        }
        for m in reply.materials.all()
    ]


def reply_context(reply: OpinionReply) -> dict[str, Any]:
    """The template context of one reply (the reply loaded with its consultation, project and materials)."""
    consultation = reply.consultation
    project = reply.project
    held = consultation.held_on or timezone.localdate(consultation.raised_at)
    reply_due, reply_timeliness = _reply_due(reply)
    return {
        "region_name": settings.REGION_NAME,
        "centre_name": settings.CENTRE_NAME,
        "project_name": project.name,
        "service_number": project.service_number or "",
        "national_code": project.national_code or _("（暂无）"),
        "location": project.location,
        "enterprise_name": project.enterprise.name,
        "uscc": project.enterprise.uscc,
        "item_code": reply.approval_item.code,
        "item_name": reply.approval_item.name,
        "department": reply.department.name,
        "guide": reply.guide.display_name,
        "consultation_number": consultation.number,
        "officer": _officer(reply),
        "first_contact_chain": _first_contact_chain(reply),
        "reply_due": reply_due,
        "reply_timeliness": reply_timeliness,
        "subject": consultation.subject,
        "channel": Channel(consultation.channel).label,
        "consultation_date": _day(held),
        "situation": consultation.situation,
        "requests": consultation.requests,
        "reply_seq": reply.seq,
        "opinion": reply.opinion,
        "legal_basis": reply.legal_basis,
        "conditions": list(reply.conditions or []),
        "materials": _material_rows(reply),
        "procedure": reply.procedure,
        "time_limit": reply.time_limit,
        "fees": reply.fees,
        "contact": reply.contact,
        "joint_handling": reply.joint_handling or _("无"),
        "obstacles": reply.obstacles,
        "remedies": reply.remedies,
        "is_supplementary": reply.is_supplementary,
        "supplementary_reason": reply.supplementary_reason,
        "added_entries": "；".join(reply.added_entries or []),
        "signer_name": reply.signer_name,
        "signer_post": reply.signer_post,
        "signed_on": _day(reply.signed_on),
    }


def sample_context() -> dict[str, Any]:
    """Plausible data (with every optional part present) to try an uploaded template with."""
    return {
        "region_name": "示例区",
        "centre_name": "示例区政务服务中心",
        "project_name": "示例商业综合体项目",
        "service_number": "WH-2026-0001",
        "national_code": "2603-530102-04-01-100231",
        "location": "示例区示例路1号",
        "enterprise_name": "示例置业有限公司",
        "uscc": "91530102MA6K0XY234",
        "item_code": "NRP-002",
        "item_name": "建设用地规划许可证核发",
        "department": "示例区自然资源局",
        "guide": "王五",
        "consultation_number": "ZX-2026-0001",
        "officer": "赵六（LLG-2026-0001）",
        "first_contact_chain": "首问：李四（示例区住房和城乡建设局）；2026年01月05日转办至王五"
        "（示例区自然资源局·建设用地规划许可证核发），2026年01月05日接收",
        "reply_due": "2026年01月07日",
        "reply_timeliness": "（按期答复）",
        "subject": "建设用地规划许可办理咨询",
        "channel": "电话联络",
        "consultation_date": "2026年01月05日",
        "situation": "项目已取得土地，拟申请建设用地规划许可。",
        "requests": "请告知需要准备的全部材料和办理时限。",
        "reply_seq": 2,
        "opinion": "符合办理条件，请按清单准备材料后申报。",
        "legal_basis": "《中华人民共和国城乡规划法》第三十七条",
        "conditions": ["已取得国有土地使用权", "符合控制性详细规划"],
        "materials": [
            {
                "seq": 1,
                "name": "建设用地规划许可申请表",
                "optional_note": "",
                "form": "原件",
                "copies": 1,
                "issuing_body": "项目单位",
                "how_to_obtain": "窗口领取或网上下载",
            },
            {
                "seq": 2,
                "name": "地下空间开发利用方案",
                "optional_note": "（如有）",
                "form": "复印件",
                "copies": 2,
                "issuing_body": "设计单位",
                "how_to_obtain": "—",
            },
        ],
        "procedure": "申请—受理—审查—决定—送达",
        "time_limit": "受理后5个工作日",
        "fees": "不收费",
        "contact": "区政务服务中心二楼12号窗口，张工 0871-12345678",
        "joint_handling": "无",
        "obstacles": "用地红线与规划条件不一致。",
        "remedies": "可在收到本表之日起五个工作日内陈述申辩，或依法申请行政复议、提起行政诉讼。",
        "is_supplementary": True,
        "supplementary_reason": "企业调整建设方案，增加地下商业空间。",
        "added_entries": "材料：地下空间开发利用方案",
        "signer_name": "王五",
        "signer_post": "科长",
        "signed_on": "2026年01月07日",
    }


def register_opinion_reply_template() -> DocumentSpec:
    """Let the centre replace the Attachment 3 template (called from ConsultationsConfig.ready)."""
    return register_document(
        DocumentSpec(
            kind=KIND.value,
            built_in=OPINION_REPLY_TEMPLATE,
            variables=VARIABLES,
            required=REQUIRED,
            sample=sample_context,
        )
    )
