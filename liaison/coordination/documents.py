"""The meeting briefing (服务项目推进工作例会通报) as a Word document: the figures the meeting was shown,
the difficulties put before it with the meeting's opinion, and the minutes."""

from __future__ import annotations

import io
from typing import Any

from django.utils.translation import gettext as _

from liaison.coordination.models import Meeting
from liaison.core.docx_kit import a4_document, heading, line, write

CN_NUMBERS = "一二三四五六七"


def _table(doc: Any, header: list[str], rows: list[list[Any]]) -> None:
    table = doc.add_table(rows=1 + max(len(rows), 1), cols=len(header))
    table.style = doc.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        write(cell.paragraphs[0], text, size=10.5, bold=True)
    if not rows:
        write(table.rows[1].cells[0].paragraphs[0], _("无"), size=10.5)
    for row, values in zip(table.rows[1:], rows, strict=False):
        for cell, value in zip(row.cells, values, strict=True):
            write(cell.paragraphs[0], str(value), size=10.5)


def briefing_docx(meeting: Meeting) -> bytes:
    b = meeting.briefing or {}
    doc = a4_document(font_size=12)
    heading(doc, _("服务项目推进工作例会通报"))
    line(doc, meeting.title, align="center")
    line(
        doc,
        _("会议日期：%(d)s　地点：%(p)s　主持：%(c)s")
        % {"d": meeting.held_on.isoformat(), "p": meeting.place or "—", "c": meeting.chair or "—"},
    )
    if meeting.attendees:
        line(doc, _("参会人员：%(a)s") % {"a": meeting.attendees})
    line(doc, _("数据截至：%(t)s") % {"t": (b.get("as_of") or "—").replace("T", " ")[:16]})
    lights = b.get("lights", [])
    sections = [
        (
            _("项目服务总体情况（共 %(n)d 个项目，按所处阶段和最严重预警）") % {"n": b.get("projects", 0)},
            [_("阶段"), *lights, _("合计")],
            [[s["stage"], *s["counts"], s["total"]] for s in b.get("stages", []) if s["total"]],
        ),
        (_("审批事项预警"), lights, [b.get("items", [])] if b.get("items") else []),
        (_("各部门超期事项"), [_("部门"), _("超期事项数")], b.get("overdue_by_department", [])),
        (
            _("联络官工作量（超期事项多者在前）"),
            [_("联络官"), _("编号"), _("在办项目"), _("未结事项"), _("超期"), _("临期")],
            [
                [o["name"], o["number"], o["projects"], o["open_items"], o["red"], o["yellow"]]
                for o in b.get("officers", [])
            ],
        ),
        (_("难点问题（按状态）"), [_("状态"), _("数量")], b.get("difficulties", [])),
    ]
    n = 0
    for n, (title, header, rows) in enumerate(sections):
        line(doc, f"{CN_NUMBERS[n]}、{title}", bold=True)
        _table(doc, [str(h) for h in header], rows)
    topics = list(meeting.topics.select_related("difficulty__project").order_by("pk"))
    line(doc, _("%(n)s、提请会议研究的难点问题") % {"n": CN_NUMBERS[n + 1]}, bold=True)
    _table(
        doc,
        [_("编号"), _("项目"), _("问题"), _("会议意见")],
        [
            [t.difficulty.number, t.difficulty.project.name, t.difficulty.title, t.opinion or "—"]
            for t in topics
        ],
    )
    line(doc, _("%(n)s、会议纪要") % {"n": CN_NUMBERS[n + 2]}, bold=True)
    for paragraph in (meeting.minutes or _("（会议尚未召开）")).splitlines() or [""]:
        line(doc, paragraph)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
