"""Demo consultations on the dispatched demo projects: every state, a forwarded one (accepted and one still
waiting), a flagged supplementary notification, a late reply, and yellow and red reply lights.

Called by liaison.web.demo after the tracking demo. Every step goes through the real services; afterwards
the steps' timestamps are moved back onto earlier working days (demo only) so that the history reads
naturally and the reply lights come out as described. The audit trail keeps the real times.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils import timezone

from liaison.catalogue.models import ApprovalItem
from liaison.consultations.demo_scenarios import CONDITIONS, Scenario, demo_scenarios
from liaison.consultations.lights import reply_light_context
from liaison.consultations.models import (
    Channel,
    Consultation,
    ConsultationEventKind,
    ConsultationState,
    Forwarding,
    OpinionReply,
)
from liaison.consultations.services.consultations import (
    consultation_close,
    consultation_raise,
    consultation_urge,
    consultation_withdraw,
)
from liaison.consultations.services.relay import (
    consultation_confirm_read,
    consultation_follow_up,
    consultation_relay,
)
from liaison.consultations.services.reminders import consultation_reminders_run
from liaison.consultations.services.replies import MaterialLine, ReplyForm, consultation_reply
from liaison.consultations.services.routing import consultation_accept_forward, consultation_forward
from liaison.consultations.settings_row import reply_deadline
from liaison.core.errors import DomainError
from liaison.deadlines.calendar_policy import reckon
from liaison.deadlines.lights import light_of
from liaison.directory.models import User
from liaison.intake.models import Assignment, Project
from liaison.intake.people import enterprise_users
from liaison.tracking.models import ProjectItem
from liaison.workcal.calendar import is_workday

E = ConsultationEventKind


class ConsultationDemo:
    def __init__(self, admin: User, log: Callable[[str], None]) -> None:
        self.admin, self.log = admin, log
        self.now = timezone.now()
        self.today = timezone.localdate(self.now)

    # --- dates -------------------------------------------------------------------------------
    def workday(self, back: int) -> dt.date:
        """The working day `back` working days before today (Mon–Fri where the calendar is not entered)."""
        day, left = self.today, back
        while left > 0:
            day -= dt.timedelta(days=1)
            known, _missing = reckon(lambda: is_workday(day))  # noqa: B023 - called at once
            left -= known if known is not None else day.weekday() < 5
        return day

    def moment(self, back: int, order: int) -> dt.datetime:
        """Step `order` on the working day `back` days ago, in office hours; never in the future, and
        never pushed back onto the day before (loading the demo just after midnight keeps today's steps
        today, so their deadlines and lights are the ones the scenario describes)."""
        day = self.workday(back)
        at = timezone.make_aware(dt.datetime.combine(day, dt.time(9 + min(order, 8), 10 * order % 60)))
        start_of_day = timezone.make_aware(dt.datetime.combine(day, dt.time(0, order)))
        return max(min(at, self.now - dt.timedelta(minutes=30 - order)), min(start_of_day, self.now))

    def raised_back_for(self, light: str) -> int | None:
        """How many working days ago to have raised a consultation for its reply light to be `light` today."""
        ctx = reply_light_context(self.today)
        for back in range(15):
            due, _problem = reply_deadline(self.workday(back))
            if due is None:
                continue
            if light_of(due, ctx) == light:
                return back
        return None

    # --- people and forms --------------------------------------------------------------------
    @staticmethod
    def officer_of(project: Project) -> User:
        return (
            Assignment.objects.select_related("officer__user")
            .get(project=project, is_active=True, role="lead")
            .officer.user
        )

    @staticmethod
    def reply_form(item: ApprovalItem, guide: User, scenario: Scenario) -> ReplyForm:
        """The complete notification of `item`, from the catalogue (materials, basis, fee, place)."""
        materials = [
            MaterialLine(
                name=m.name,
                form=m.form,
                copies=m.copies,
                issuing_body=m.issuing_body,
                how_to_obtain="项目单位自行编制"
                if m.issuing_body in {"", "项目单位"}
                else f"向{m.issuing_body}申请出具",
                required=m.required,
            )
            for m in item.materials.all()
        ]
        statutory = f"（法定{item.statutory_limit_days}个工作日）" if item.statutory_limit_days else ""
        return ReplyForm(
            opinion=scenario.opinion,
            legal_basis=item.legal_basis or "见本事项办事指南所列设定依据",
            conditions=CONDITIONS.get(
                item.code, ["申请材料齐全、符合法定形式", "符合相关规划及技术规范要求"]
            ),
            materials=[*materials, *scenario.extra_materials],
            procedure="网上申报或窗口提交—受理—审查（含现场踏勘）—决定—送达",
            time_limit=f"受理后{item.time_limit_days}个工作日办结{statutory}",
            fees=item.fee_note or "不收费",
            contact=f"{item.location or item.department.address}；联系人：{guide.display_name} "
            f"{guide.office_phone or item.department.phone}",
            joint_handling="" if item.code != "HCD-004" else "与质量安全监督登记（HCD-005）同步受理",
            signer_name=guide.display_name,
            signer_post=guide.post or "专职指导员",
            supplementary_reason=scenario.reason,
        )

    # --- one consultation --------------------------------------------------------------------
    def run(self, s: Scenario) -> Consultation:
        project = Project.objects.select_related("enterprise").get(name=s.project)
        officer = self.officer_of(project)
        item = ProjectItem.objects.select_related("approval_item").get(
            project=project, approval_item__code=s.code
        )
        held = s.channel != "online"
        c = consultation_raise(
            actor=officer,
            project=project,
            subject=s.subject,
            situation=s.situation,
            requests=s.requests,
            channel=s.channel,
            project_items=[item],
            held_on=self.today if held else None,
            participants=f"{officer.display_name}、项目单位经办人" if held else "",
            contact_notes=f"{Channel(s.channel).label}：介绍了项目情况，提出了上述诉求。" if held else "",
        )
        for step in s.steps:
            c = self.step(c, s, step, officer, project)
        if s.days_back:
            self.retime(c, s.days_back)
        elif s.light:
            back = self.raised_back_for(s.light)
            if back is not None:
                self.retime(c, [back] * c.events.count())
        if s.urge:
            consultation_urge(actor=self.admin, consultation=c, note="已超过答复期限，请尽快答复。")
        return c

    def step(self, c: Consultation, s: Scenario, step: str, officer: User, project: Project) -> Consultation:
        c.refresh_from_db()
        guide = c.guide
        if step == "forward":
            to_item = ApprovalItem.objects.select_related("department").get(code=s.forward_to)
            note = f"所涉问题属“{to_item.name}”办理范围，转{to_item.department.name}专职指导员答复。"
            return consultation_forward(actor=guide, consultation=c, to_item=to_item, note=note)
        if step == "reply":
            item = ApprovalItem.objects.select_related("department").get(pk=c.approval_item_id)
            consultation_reply(actor=guide, consultation=c, form=self.reply_form(item, guide, s))
            return c
        if step == "follow_up":
            action = "已按指导意见协助项目单位整理申报材料，预约窗口提交。"
            consultation_follow_up(actor=officer, consultation=c, action=action)
            return c
        simple: dict[str, Callable[[], Consultation]] = {
            "accept": lambda: consultation_accept_forward(actor=guide, consultation=c),
            "relay": lambda: consultation_relay(actor=officer, consultation=c, text=s.relay_text),
            "confirm": lambda: consultation_confirm_read(actor=enterprise_users(project)[0], consultation=c),
            "close": lambda: consultation_close(
                actor=officer, consultation=c, note="项目单位已按意见完成申报。"
            ),
            "withdraw": lambda: consultation_withdraw(
                actor=officer, consultation=c, reason="项目单位已自行向窗口问明，撤回咨询。"
            ),
        }
        return simple[step]()

    def retime(self, c: Consultation, days_back: list[int]) -> None:
        """Move the recorded steps onto the given earlier working days (demo only) and keep the derived times."""
        events = list(c.events.order_by("at", "id"))
        if len(events) != len(days_back):
            raise ValueError(f"{c.number}: {len(events)} steps, {len(days_back)} dates")
        at: dict[str, list[dt.datetime]] = {}
        for order, (event, back) in enumerate(zip(events, days_back, strict=True)):
            event.at = self.moment(back, order)
            event.save(update_fields=["at"])
            at.setdefault(event.kind, []).append(event.at)
        raised = at[E.RAISED][0]
        due, problem = reply_deadline(timezone.localdate(raised))
        fields: dict[str, Any] = {"raised_at": raised, "reply_due": due, "calendar_problem_year": problem}
        if c.held_on:
            fields["held_on"] = timezone.localdate(raised)
        answered = at.get(E.REPLIED, []) + at.get(E.SUPPLEMENTED, [])
        for reply, when in zip(c.replies.order_by("seq"), answered, strict=True):
            day = timezone.localdate(when)
            OpinionReply.objects.filter(pk=reply.pk).update(
                replied_at=when, signed_on=day, on_time=reply.seq > 1 or due is None or day <= due
            )
            fields.setdefault("first_replied_at", when)
        manual = c.forwardings.filter(automatic=False).order_by("forwarded_at", "id")
        for forwarding, sent in zip(manual, at.get(E.FORWARDED, []), strict=True):
            Forwarding.objects.filter(pk=forwarding.pk).update(forwarded_at=sent)
        if E.FORWARD_ACCEPTED in at:
            manual.filter(accepted_at__isnull=False).update(accepted_at=at[E.FORWARD_ACCEPTED][-1])
        for receipt, read in zip(c.receipts.order_by("read_at", "id"), at.get(E.CONFIRMED, []), strict=True):
            receipt.read_at = read
            receipt.save(update_fields=["read_at"])
        for follow_up, done in zip(c.follow_ups.order_by("at", "id"), at.get(E.FOLLOW_UP, []), strict=True):
            follow_up.at = done
            follow_up.save(update_fields=["at"])
        if E.RELAYED in at:
            fields["relayed_at"] = at[E.RELAYED][-1]
        ended = at.get(E.CLOSED, []) + at.get(E.WITHDRAWN, [])
        if ended:
            fields["closed_at"] = ended[-1]
        Consultation.objects.filter(pk=c.pk).update(**fields)

    # --- the demo ----------------------------------------------------------------------------
    def build(self) -> None:
        for scenario in demo_scenarios():
            try:
                self.run(scenario)
            except DomainError as exc:  # e.g. a calendar year not entered: the rest still loads
                self.log(f"consultations demo: {scenario.subject}: {exc.message}")
            except ProjectItem.DoesNotExist:  # the tracking demo could not plan that project
                self.log(f"consultations demo: {scenario.subject}: {scenario.code} is not in the plan")
        run = consultation_reminders_run(today=self.today)
        states = {c.state for c in Consultation.objects.all()}
        self.log(
            f"consultations: {Consultation.objects.count()} in {len(states)}/{len(ConsultationState)} states, "
            f"{OpinionReply.objects.filter(is_supplementary=True).count()} supplementary notification, "
            f"{run.sent} reply reminders sent"
        )


def build_consultations_demo(admin: User, log: Callable[[str], None]) -> None:
    """Consultations in every state on the dispatched demo projects (see the module docstring)."""
    ConsultationDemo(admin, log).build()


__all__ = ["build_consultations_demo"]
