"""Benchmark consultations: about one per eight project items, raised by the project's officer with the
item's guide (as consultation_raise routes them), in every state a project without enterprise accounts can
reach: waiting for a reply (green, yellow and red against the reply period on the working-day calendar),
forwarded and not yet accepted, replied, relayed to the enterprise, closed, withdrawn. Each carries the
history the services write (events, the forwarding, the opinion reply with the item's materials checklist
as its list). Nothing is confirmed read: the seeded enterprises have no accounts to confirm with."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from django.utils import timezone

from liaison.consultations.models import (
    HELD_CHANNELS,
    Channel,
    Consultation,
    ConsultationEvent,
    ConsultationState,
    Forwarding,
    OpinionReply,
    ReplyMaterial,
)
from liaison.consultations.models import ConsultationEventKind as E
from liaison.web.scale.extras_base import ExtrasBase, ItemFacts, Line, ProjectFacts, checklists

S = ConsultationState
RATE = 1 / 8  # consultations per project item
STATES = [S.AWAITING_REPLY] * 12 + [S.FORWARDED] * 3 + [S.REPLIED] * 10 + [S.RELAYED] * 15
STATES += [S.CLOSED] * 52 + [S.WITHDRAWN] * 8
DAYS_AGO: dict[str, tuple[int, int]] = {  # how long ago a consultation in this state was raised
    S.AWAITING_REPLY: (0, 6),
    S.FORWARDED: (0, 4),
    S.REPLIED: (1, 20),
    S.RELAYED: (3, 90),
    S.CLOSED: (10, 600),
    S.WITHDRAWN: (3, 400),
}
TOPICS = [
    "申报材料及办理时限咨询",
    "容缺受理条件咨询",
    "图纸审查要求咨询",
    "联办部门及顺序咨询",
    "收费标准咨询",
]
CONDITIONS = ["已取得前置审批或备案文件", "申报材料齐全、符合法定形式", "项目符合规划条件"]


@dataclass
class Planned:
    row: Consultation
    item_id: int
    events: list[ConsultationEvent] = field(default_factory=list)
    forwarding: Forwarding | None = None
    reply: OpinionReply | None = None


@dataclass
class Written:
    consultations: int = 0
    events: int = 0
    forwardings: int = 0
    replies: int = 0
    reply_materials: int = 0
    states: dict[str, int] = field(default_factory=dict)


def _state(rng: random.Random, item: ItemFacts, project: ProjectFacts) -> str:
    state = rng.choice(STATES)
    if (project.finished or not item.is_open) and state not in (S.CLOSED, S.WITHDRAWN):
        return S.CLOSED  # what was asked about a finished item has long been answered and closed
    return state


def _event(row: Consultation, kind: str, actor: int, at: dt.datetime, note: str = "") -> ConsultationEvent:
    return ConsultationEvent(consultation=row, kind=kind, actor_id=actor, note=note, at=at)


def _forward(rng: random.Random, base: ExtrasBase, p: Planned) -> None:
    row = p.row
    cat = base.catalogue
    targets = [i for i, g in cat.guides.items() if g.user_id != row.guide_id]
    if not targets:
        row.state = S.AWAITING_REPLY
        return
    to_item = rng.choice(targets)
    to_guide = cat.guides[to_item]
    at = base.later(rng, row.raised_at, 0, 1)
    note = "该诉求属其他部门职责，转至对应事项指导员。"
    p.forwarding = Forwarding(
        consultation=row,
        from_guide_id=row.guide_id,
        from_item_id=row.approval_item_id,
        to_guide_id=to_guide.user_id,
        to_item_id=to_item,
        note=note,
        forwarded_at=at,
    )
    text = f"转至 {to_guide.name}（{cat.department_names[to_item]}·{cat.names[to_item]}）：{note}"
    p.events.append(_event(row, E.FORWARDED, row.guide_id, at, text))
    row.approval_item_id, row.guide_id = to_item, to_guide.user_id


def _reply(rng: random.Random, base: ExtrasBase, p: Planned, lines: int) -> None:
    row = p.row
    cat = base.catalogue
    raised = timezone.localdate(row.raised_at)
    if row.reply_due is None:
        at = base.later(rng, row.raised_at, 0, 2)
    elif rng.random() < 0.12:  # a late reply
        at = base.later(
            rng, row.raised_at, (row.reply_due - raised).days + 1, (row.reply_due - raised).days + 5
        )
    else:
        at = base.later(rng, row.raised_at, 0, (row.reply_due - raised).days)
    guide = cat.guides[row.approval_item_id]
    item = row.approval_item_id
    row.first_replied_at = at
    p.reply = OpinionReply(
        consultation=row,
        seq=1,
        project_id=row.project_id,
        approval_item_id=item,
        department_id=cat.departments[item],
        guide_id=row.guide_id,
        opinion="符合办理条件，请按本表一次性告知的条件和材料清单准备后申报。",
        legal_basis="《中华人民共和国行政许可法》及本事项办事指南",
        conditions=list(CONDITIONS),
        procedure="申请—受理—审查—决定—送达",
        time_limit=f"{cat.limits[item]}个工作日",
        fees="不收费",
        contact=f"{cat.department_names[item]}政务服务窗口，{guide.name}",
        signer_name=guide.name[:50],
        signer_post="专职指导员",
        signed_on=timezone.localdate(at),
        replied_at=at,
        on_time=row.reply_due is None or timezone.localdate(at) <= row.reply_due,
    )
    if not lines:  # a reply lists every material, or says why the item cannot be handled
        p.reply.obstacles = "前置审批文件尚未取得，暂不具备申报条件。"
        p.reply.remedies = "对告知内容有异议的，可向本部门陈述申辩，或依法申请行政复议、提起行政诉讼。"


def _after_reply(rng: random.Random, base: ExtrasBase, p: Planned, officer: int, lines: int) -> None:
    row = p.row
    if p.reply is None:
        return
    note = f"意见回复表第1份；{lines}项材料，其中 0 项新增至材料清单。"
    p.events.append(_event(row, E.REPLIED, p.reply.guide_id, p.reply.replied_at, note))
    if row.state == S.REPLIED:
        return
    row.relayed_at = base.later(rng, p.reply.replied_at, 0, 3)
    row.relayed_text = "行业部门答复：可以办理，请按附表准备材料后申报。"
    row.relayed_by_id, row.relay_count = officer, 1
    p.events.append(_event(row, E.RELAYED, officer, row.relayed_at, row.relayed_text))
    if row.state == S.CLOSED:
        row.closed_at = base.later(rng, row.relayed_at, 1, 20)
        p.events.append(_event(row, E.CLOSED, officer, row.closed_at))


def _plan(
    rng: random.Random, base: ExtrasBase, project: ProjectFacts, item: ItemFacts, lines: dict[int, list[Line]]
) -> Planned:
    state = _state(rng, item, project)
    low, high = DAYS_AGO[state]
    ago = dt.timedelta(days=rng.randint(low, high))
    raised_on = max(base.today - ago, timezone.localdate(project.registered))
    raised_at = base.at(rng, raised_on, after=project.registered)
    raised_on = timezone.localdate(raised_at)
    due = base.deadline(raised_on, base.reply_days)
    guide = base.catalogue.guides[item.approval_item_id].user_id
    channel = rng.choice(Channel.values)
    held = channel in HELD_CHANNELS and rng.random() < 0.5
    topic = rng.choice(TOPICS)
    row = Consultation(
        number=base.numbers.consultation(raised_on.year),
        project_id=project.pk,
        approval_item_id=item.approval_item_id,
        subject=f"{base.catalogue.names[item.approval_item_id]}{topic}"[:200],
        situation="压测数据：项目已完成前期准备，拟申报本事项。",
        requests="请一次性告知办理条件、全部申报材料及办理时限。",
        channel=channel,
        held_on=raised_on if held else None,
        participants="联络官、专职指导员" if held else "",
        contact_notes="已当面（电话）沟通项目情况及申报安排。" if held else "",
        reply_due=due.due_on,
        calendar_problem_year=due.problem_year,
        state=state,
        guide_id=guide,
        first_contact_id=guide,
        raised_by_id=project.officer_id,
        raised_at=raised_at,
    )
    p = Planned(row, item.pk)
    p.events.append(_event(row, E.RAISED, project.officer_id, raised_at, str(Channel(channel).label)))
    if state == S.FORWARDED:
        _forward(rng, base, p)
    elif state == S.WITHDRAWN:
        row.closed_at = base.later(rng, raised_at, 0, 3)
        row.end_note = "企业调整申报计划，暂不咨询。"
        p.events.append(_event(row, E.WITHDRAWN, project.officer_id, row.closed_at, row.end_note))
    elif state != S.AWAITING_REPLY:
        n_lines = len(lines.get(item.pk, []))
        _reply(rng, base, p, n_lines)
        _after_reply(rng, base, p, project.officer_id, n_lines)
    return p


def consultations_add(base: ExtrasBase, projects: list[ProjectFacts]) -> Written:
    """Plan and bulk-insert the consultations of `projects` with everything that hangs off them."""
    chosen: list[tuple[ProjectFacts, ItemFacts, random.Random]] = []
    for project in projects:
        rng = base.rng(project.pk)
        chosen += [
            (project, item, rng)
            for item in project.items
            if item.approval_item_id in base.catalogue.guides and rng.random() < RATE
        ]
    lines = checklists([item.pk for _p, item, _r in chosen])
    planned = [_plan(rng, base, project, item, lines) for project, item, rng in chosen]
    written = Written()
    if not planned:
        return written
    Consultation.objects.bulk_create([p.row for p in planned], batch_size=1000)
    through = Consultation.project_items.through
    through.objects.bulk_create(
        [through(consultation_id=p.row.pk, projectitem_id=p.item_id) for p in planned], batch_size=2000
    )
    events = [e for p in planned for e in p.events]
    ConsultationEvent.objects.bulk_create(events, batch_size=2000)
    forwardings = [p.forwarding for p in planned if p.forwarding is not None]
    Forwarding.objects.bulk_create(forwardings, batch_size=1000)
    replied = [p for p in planned if p.reply is not None]
    OpinionReply.objects.bulk_create([p.reply for p in replied if p.reply], batch_size=1000)
    materials = [
        ReplyMaterial(
            reply=p.reply,
            seq=n,
            name=line.name,
            form=line.form,
            copies=line.copies,
            issuing_body=line.issuing_body,
            required=line.required,
            submission_id=line.pk,
        )
        for p in replied
        for n, line in enumerate(lines.get(p.item_id, []), start=1)
    ]
    ReplyMaterial.objects.bulk_create(materials, batch_size=2000)
    written.consultations, written.events, written.forwardings = len(planned), len(events), len(forwardings)
    written.replies, written.reply_materials = len(replied), len(materials)
    for p in planned:
        written.states[p.row.state] = written.states.get(p.row.state, 0) + 1
    return written
