"""Demo complaints, through the product's services: the business track in every state (one with a
department's cooperation answered, one reviewed by the leader), the integrity track in every state (one
with a cooperation task the centre answered), and one complaint moved between the tracks each way."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from liaison.complaints.services import business as b
from liaison.complaints.services import integrity as i
from liaison.complaints.services.lodge import complaint_lodge
from liaison.complaints.services.transfer import complaint_transfer
from liaison.directory.models import User
from liaison.directory.roles import Role
from liaison.officers.models import Officer

BUSINESS = [
    "指导员要求提供清单以外的材料，来回跑了三次。",
    "电话咨询两周无人回复，项目进度受影响。",
    "窗口工作人员态度生硬，不愿一次性告知。",
    "联络官对施工许可阶段的指导有误，导致材料被退回。",
    "部门审批超过承诺时限仍未办结。",
    "答复意见前后不一致，无法按要求准备材料。",
]


def _guide_and_admin() -> tuple[User | None, User | None]:
    guide = (
        User.objects.filter(memberships__role=Role.GUIDE, is_active=True, department__isnull=False)
        .order_by("pk")
        .first()
    )
    admin = (
        User.objects.filter(
            memberships__role=Role.DEPARTMENT_ADMIN, department_id=guide.department_id or 0
        ).first()
        if guide
        else None
    )
    return guide, admin


def build_complaints_demo(admin: User, log: Callable[[str], None]) -> None:
    guide, dept_admin = _guide_and_admin()
    applicant = User.objects.filter(username="applicant1").first()
    leader = User.objects.filter(memberships__role=Role.CENTER_LEADER).order_by("pk").first()
    supervisor = User.objects.filter(memberships__role=Role.SUPERVISOR).order_by("pk").first()
    officer = Officer.objects.order_by("pk").first()
    if guide is None or applicant is None or leader is None or supervisor is None or officer is None:
        log("complaints: skipped (demo personas missing)")
        return

    def lodge(text: str, **kw: Any) -> Any:
        args: dict[str, Any] = {
            "actor": applicant,
            "track": "business",
            "subject_kind": "guide",
            "guide_id": guide.pk,
            "text": text,
            "name": "王丽娟",
            "phone": "13888120002",
        }
        args.update(kw)
        return complaint_lodge(**args).complaint

    # The business track: received, investigating (with a cooperation answered), replied, closed,
    # reviewing, reviewed.
    made = [lodge(t) for t in BUSINESS]
    for c in made[1:]:
        b.complaint_register(actor=admin, complaint_id=c.pk, investigator_id=admin.pk)
    if dept_admin is not None:
        k = b.cooperation_request(
            actor=admin,
            complaint_id=made[1].pk,
            department_id=guide.department_id,
            request="请核实受理和答复记录。",
        )
        b.cooperation_answer(
            actor=dept_admin, cooperation_id=k.pk, answer="经核实，该指导员未按清单一次性告知，已批评教育。"
        )
    findings = ["partly", "substantiated", "not_substantiated", "partly"]
    for c, finding in zip(made[2:], findings, strict=True):
        b.complaint_reply(
            actor=admin,
            complaint_id=c.pk,
            finding=finding,
            measures="" if finding == "not_substantiated" else "约谈相关人员，完善一次性告知清单。",
            reply="经调查核实，已按规定处理，感谢您的监督。",
        )
    b.complaint_rate(actor=applicant, complaint_id=made[3].pk, satisfaction="satisfied")
    for c in made[4:]:
        b.complaint_rate(actor=applicant, complaint_id=c.pk, satisfaction="dissatisfied")
        b.complaint_request_review(actor=applicant, complaint_id=c.pk, reason="对处理结果不满意，请求复核。")
    b.complaint_review(
        actor=leader, complaint_id=made[5].pk, conclusion="复核维持原调查结论，并督促部门限期整改。"
    )

    # The integrity track: received (anonymous, from the public form), verifying (a task the centre
    # answered), concluded.
    def sealed(text: str, **kw: Any) -> Any:
        args: dict[str, Any] = {
            "actor": None,
            "track": "integrity",
            "subject_kind": "officer",
            "officer_id": officer.pk,
            "text": text,
            "anonymous": True,
        }
        args.update(kw)
        return complaint_lodge(**args).complaint

    sealed("联络官暗示需要支付“辛苦费”才能加快办理。")
    verifying = sealed("指导员要求到指定中介办理并收取费用。", subject_kind="guide", guide_id=guide.pk)
    i.integrity_register(actor=supervisor, complaint_id=verifying.pk)
    task = i.task_send(
        actor=supervisor, complaint_id=verifying.pk, request="请提供该指导员近三个月的窗口值班记录。"
    )
    i.task_answer(actor=admin, task_id=task.pk, answer="值班记录已整理，线下移交。")
    concluded = sealed("联络官接受项目单位宴请。", anonymous=False, name="李先生", phone="13700001111")
    i.integrity_register(actor=supervisor, complaint_id=concluded.pk)
    i.integrity_conclude(
        actor=supervisor,
        complaint_id=concluded.pk,
        finding="substantiated",
        conclusion="经核查属实，已给予诫勉谈话。",
    )

    # Moved between tracks: a "business" complaint about money goes to the supervisors; an integrity
    # complaint that is a business matter comes back to the centre (the complainant agreed to be named).
    moved = lodge("指导员说交两千元“加急费”就能当天出证。", confirm_track=True)
    complaint_transfer(
        actor=admin, complaint_id=moved.pk, track_from="business", reason="涉及收费，属廉政作风问题。"
    )
    back = sealed(
        "窗口推诿，说不归他们管。", anonymous=False, name="赵女士", phone="13600002222", identity_consent=True
    )
    complaint_transfer(
        actor=supervisor, complaint_id=back.pk, track_from="integrity", reason="属业务问题，转中心办理。"
    )
    log("complaints: 8 business, 4 integrity, 2 moved between tracks")
