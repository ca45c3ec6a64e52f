"""The guide's reply: the opinion-reply form (Attachment 3) as a complete one-time notification.

Materials named in the reply join the project item's checklist. A later reply on the same project item
that adds a material or condition the enterprise was not told before is a supplementary notification:
it needs a reason and counts in the guide's and the department's record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.catalogue.models import MaterialForm
from liaison.consultations.models import ConsultationEventKind, ConsultationState, OpinionReply, ReplyMaterial
from liaison.consultations.notification_check import additions, normalised, told_before
from liaison.consultations.services.common import check_step, lock, notify, record
from liaison.core.errors import DomainError
from liaison.intake.people import project_officers
from liaison.tracking.models import MaterialSubmission, ProjectItem
from liaison.tracking.services.common import clean_text

E = ConsultationEventKind
MAX_MATERIALS = 60


@dataclass
class MaterialLine:
    name: str
    form: str = MaterialForm.ORIGINAL
    copies: int = 1
    issuing_body: str = ""
    how_to_obtain: str = ""
    required: bool = True


@dataclass
class ReplyForm:
    """What the guide fills in (Attachment 3)."""

    opinion: str
    legal_basis: str
    procedure: str
    time_limit: str
    fees: str
    contact: str
    signer_name: str
    signer_post: str
    conditions: list[str] = field(default_factory=list)
    materials: list[MaterialLine | dict[str, Any]] = field(default_factory=list)
    joint_handling: str = ""
    obstacles: str = ""
    remedies: str = ""
    signed_on: dt.date | None = None
    supplementary_reason: str = ""


def _clean_materials(lines: Sequence[MaterialLine | dict[str, Any]]) -> list[MaterialLine]:
    if len(lines) > MAX_MATERIALS:
        raise DomainError(_("材料清单最多 %(n)d 项。") % {"n": MAX_MATERIALS}, field="materials")
    out: list[MaterialLine] = []
    seen: set[str] = set()
    for n, raw in enumerate(lines, start=1):
        line = raw if isinstance(raw, MaterialLine) else MaterialLine(**raw)
        name = clean_text(
            line.name, field="materials", label=_("第%(n)d项材料的名称") % {"n": n}, required=True, limit=200
        )
        if line.form not in MaterialForm.values:
            raise DomainError(_("第%(n)d项材料的原件/复印件选择无效。") % {"n": n}, field="materials")
        try:
            copies = int(line.copies)
        except (TypeError, ValueError):
            copies = 0
        if not 1 <= copies <= 99:
            raise DomainError(_("第%(n)d项材料的份数应在 1 到 99 之间。") % {"n": n}, field="materials")
        key = normalised(name)
        if key in seen:
            raise DomainError(_("材料“%(m)s”重复列出。") % {"m": name}, field="materials")
        seen.add(key)
        out.append(
            MaterialLine(
                name=name,
                form=line.form,
                copies=copies,
                issuing_body=clean_text(
                    line.issuing_body, field="materials", label=_("出具单位"), required=False, limit=100
                ),
                how_to_obtain=clean_text(
                    line.how_to_obtain, field="materials", label=_("获取方式"), required=False, limit=300
                ),
                required=bool(line.required),
            )
        )
    return out


def _clean_conditions(conditions: Sequence[str]) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for raw in conditions:
        text = clean_text(raw, field="conditions", label=_("办理条件"), required=False, limit=500)
        if text and normalised(text) not in seen:
            seen.add(normalised(text))
            out.append(text)
    return out


def _clean_form(form: ReplyForm, today: dt.date) -> tuple[dict[str, Any], list[str], list[MaterialLine]]:
    def req(value: str, name: str, label: Any, limit: int = 2000) -> str:
        return clean_text(value, field=name, label=label, required=True, limit=limit)

    def opt(value: str, name: str, label: Any, limit: int = 2000) -> str:
        return clean_text(value, field=name, label=label, required=False, limit=limit)

    fields: dict[str, Any] = {
        "opinion": req(form.opinion, "opinion", _("处理意见")),
        "legal_basis": req(form.legal_basis, "legal_basis", _("设定依据")),
        "procedure": req(form.procedure, "procedure", _("办理流程")),
        "time_limit": req(form.time_limit, "time_limit", _("办理时限"), 200),
        "fees": req(form.fees, "fees", _("收费标准及依据"), 300),
        "contact": req(form.contact, "contact", _("办理地点及联系人"), 300),
        "joint_handling": opt(form.joint_handling, "joint_handling", _("联办部门及顺序")),
        "obstacles": opt(form.obstacles, "obstacles", _("不能办理的原因")),
        "remedies": opt(form.remedies, "remedies", _("陈述申辩及救济途径")),
        "signer_name": req(form.signer_name, "signer_name", _("签字人"), 50),
        "signer_post": req(form.signer_post, "signer_post", _("职务"), 50),
    }
    signed_on = form.signed_on or today
    if signed_on > today:
        raise DomainError(_("签字日期不能晚于今天。"), field="signed_on")
    fields["signed_on"] = signed_on
    conditions = _clean_conditions(form.conditions)
    materials = _clean_materials(form.materials)
    if not conditions:
        raise DomainError(_("请逐条列出办理条件（一次性告知）。"), field="conditions")
    if not materials and not fields["obstacles"]:
        raise DomainError(
            _("请列出全部申报材料；如该事项暂不能办理，请填写不能办理的原因。"), field="materials"
        )
    if fields["obstacles"] and not fields["remedies"]:
        raise DomainError(_("告知不能办理时，须同时告知企业陈述申辩及救济途径。"), field="remedies")
    return fields, conditions, materials


def _to_checklist(project_item: ProjectItem | None, lines: list[ReplyMaterial]) -> int:
    """Add the reply's materials the checklist lacks (by normalised name); link every line. Returns how many added."""
    if project_item is None:
        return 0
    existing = {normalised(s.name): s for s in project_item.materials.all()}
    seq = project_item.materials.aggregate(m=Max("seq"))["m"] or 0
    added = 0
    for line in lines:
        submission = existing.get(normalised(line.name))
        if submission is None:
            seq += 1
            submission = MaterialSubmission.objects.create(
                project_item=project_item,
                seq=seq,
                name=line.name,
                form=line.form,
                copies=line.copies,
                required=line.required,
                issuing_body=line.issuing_body,
            )
            existing[normalised(line.name)] = submission
            added += 1
        line.submission = submission
        line.save(update_fields=["submission"])
    return added


def consultation_reply(*, actor: Any, consultation: Any, form: ReplyForm) -> OpinionReply:
    """The guide answers (or adds a supplementary reply) with the complete opinion-reply form."""
    now = timezone.now()
    today = timezone.localdate(now)
    fields, conditions, materials = _clean_form(form, today)
    with transaction.atomic():
        locked = lock(consultation)
        name = "reply" if locked.state == ConsultationState.AWAITING_REPLY else "supplement"
        transition = check_step(actor, locked, name)
        told = told_before(project_id=locked.project_id, approval_item_id=locked.approval_item_id)
        added = additions(told, materials=[m.name for m in materials], conditions=conditions)
        reason = clean_text(
            form.supplementary_reason,
            field="supplementary_reason",
            label=_("补充告知原因"),
            required=False,
            limit=500,
        )
        if added and not reason:
            raise DomainError(
                _("本次答复较此前的告知新增了：%(a)s。这属于补充告知，请说明原因（如企业变更了建设方案）。")
                % {"a": "；".join(added)},
                field="supplementary_reason",
                details={"added": added},
            )
        seq = (locked.replies.aggregate(m=Max("seq"))["m"] or 0) + 1
        on_time = seq > 1 or locked.reply_due is None or today <= locked.reply_due
        reply = OpinionReply.objects.create(
            consultation=locked,
            seq=seq,
            project=locked.project,
            approval_item=locked.approval_item,
            department=locked.approval_item.department,
            guide=actor,
            conditions=conditions,
            replied_at=now,
            on_time=on_time,
            is_supplementary=bool(added),
            supplementary_reason=reason if added else "",
            added_entries=added,
            **fields,
        )
        lines = ReplyMaterial.objects.bulk_create(
            ReplyMaterial(
                reply=reply,
                seq=n,
                name=m.name,
                form=m.form,
                copies=m.copies,
                issuing_body=m.issuing_body,
                how_to_obtain=m.how_to_obtain,
                required=m.required,
            )
            for n, m in enumerate(materials, start=1)
        )
        project_item = ProjectItem.objects.filter(
            project_id=locked.project_id, approval_item_id=locked.approval_item_id
        ).first()
        added_to_checklist = _to_checklist(project_item, lines)
        before = {"state": locked.state}
        locked.state = transition.target
        locked.first_replied_at = locked.first_replied_at or now
        locked.save(update_fields=["state", "first_replied_at", "updated_at"])
        note = _("意见回复表第%(n)d份；%(m)d项材料，其中 %(a)d 项新增至材料清单。") % {
            "n": seq,
            "m": len(lines),
            "a": added_to_checklist,
        }
        if added:
            note += _("补充告知：%(a)s（原因：%(r)s）") % {"a": "；".join(added), "r": reason}
        record(
            locked,
            actor=actor,
            kind=E.REPLIED if seq == 1 else E.SUPPLEMENTED,
            note=note,
            action="consultation.reply" if seq == 1 else "consultation.supplement",
            summary=_("答复咨询 %(n)s") % {"n": locked.number},
            before=before,
            at=now,
        )
        notify(
            locked,
            project_officers(locked.project),
            event=f"replied:{reply.pk}",
            title=_("指导员已答复：%(s)s") % {"s": locked.subject},
            body=note,
        )
    return reply
