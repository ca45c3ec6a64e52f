"""The handover list (资料移交清单) from the custody register, and the register kept in step with tracking:
every entry still held becomes a line (one kept back needs its reason), other documents may be added; the
enterprise's confirmation of receipt moves the entries handed over to "已移交"; an approved item's result
document enters the register; the last item in scope finishing tells the officers completion can be
prepared."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.closure.models import (
    CustodyEntry,
    CustodyKind,
    CustodyState,
    HandoverLine,
    Service,
    ServiceState,
)
from liaison.closure.services.common import clean_text, current_service
from liaison.closure.services.custody import custody_log
from liaison.closure.workflows import CUSTODY_WORKFLOW
from liaison.core.errors import DomainError
from liaison.directory.roles import Role
from liaison.intake.models import Project
from liaison.intake.people import project_officers
from liaison.notifications.services.notify import notification_send
from liaison.tracking.models import OPEN_STATES, ProjectItem

MAX_LINES = 200
OPEN_ENTRIES = (CustodyState.HELD, CustodyState.LENT)


def _whole(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _text(line: Mapping[str, Any], key: str, label: str, limit: int, *, required: bool = False) -> str:
    return clean_text(line.get(key), field="lines", label=label, required=required, limit=limit)


def clean_lines(lines: Sequence[Mapping[str, Any]], *, start: int = 1) -> list[dict[str, Any]]:
    """Documents outside the register as posted: each with a name; copies 1–999; pages 1–9999 or empty; a
    document kept back needs the reason. Numbered from `start`."""
    out = []
    for n, line in enumerate(lines, start=start):
        where = _("第 %(n)d 项") % {"n": n}
        copies, pages = line.get("copies", 1), line.get("pages")
        name = _text(line, "name", where + _("资料名称"), 200, required=True)
        if not _whole(copies, 1, 999):
            raise DomainError(_("%(w)s的份数须为 1 至 999 的整数。") % {"w": where}, field="lines")
        if pages is not None and not _whole(pages, 1, 9999):
            raise DomainError(_("%(w)s的页数须为 1 至 9999 的整数或不填。") % {"w": where}, field="lines")
        handed = line.get("handed_over", True) is not False
        reason = _text(line, "not_handed_reason", where + _("未移交原因"), 200, required=not handed)
        out.append(
            {
                "position": n,
                "name": name,
                "issuer": _text(line, "issuer", where + _("发文机关"), 120),
                "number": _text(line, "number", where + _("文号"), 80),
                "original": line.get("original", True) is not False,
                "copies": copies,
                "pages": pages,
                "remarks": _text(line, "remarks", where + _("备注"), 200),
                "handed_over": handed,
                "not_handed_reason": "" if handed else reason,
            }
        )
    return out


def register_lines(project: Project, kept: Mapping[int, str]) -> list[dict[str, Any]]:
    """One line per register entry not yet handed over; `kept` maps an entry to why it is kept back
    (required for a document lent to a department and not yet given back)."""
    entries = list(
        CustodyEntry.objects.filter(project=project, state__in=OPEN_ENTRIES).order_by("created_at", "pk")
    )
    unknown = set(kept) - {e.pk for e in entries}
    if unknown:
        raise DomainError(_("所选资料不在本项目的资料保管台账中，或已移交。"), field="kept")
    out = []
    for n, entry in enumerate(entries, start=1):
        reason = clean_text(
            kept.get(entry.pk),
            field="kept",
            label=_("“%(n)s”的未移交原因") % {"n": entry.name},
            required=False,
        )
        if entry.pk in kept and not reason:
            raise DomainError(_("请填写“%(n)s”的未移交原因。") % {"n": entry.name}, field="kept")
        if entry.state == CustodyState.LENT and not reason:
            raise DomainError(
                _("“%(n)s”已借出至%(c)s，请先登记归还，或填写未移交原因。")
                % {"n": entry.name, "c": entry.counterpart},
                field="kept",
            )
        out.append(
            {
                "position": n,
                "custody_entry": entry,
                "name": entry.name,
                "issuer": entry.issuer,
                "number": entry.number,
                "original": entry.original,
                "copies": entry.copies,
                "pages": entry.pages,
                "remarks": entry.remarks,
                "handed_over": not reason,
                "not_handed_reason": reason,
            }
        )
    return out


def handover_lines_build(
    project: Project, *, lines: Sequence[Mapping[str, Any]], kept: Mapping[int, str], required: bool = True
) -> list[dict[str, Any]]:
    """The whole list: the register's entries first, then the other documents; at least one line when
    `required` (completion; a termination may have nothing to hand over)."""
    from_register = register_lines(project, kept)
    if len(from_register) + len(lines) > MAX_LINES:
        raise DomainError(_("移交清单最多 %(n)d 项。") % {"n": MAX_LINES}, field="lines")
    out = from_register + clean_lines(lines, start=len(from_register) + 1)
    if not out and required:
        raise DomainError(_("请至少列出一份移交资料。"), field="lines")
    return out


def handover_lines_replace(service: Service, lines: Sequence[Mapping[str, Any]]) -> None:
    """The service's handover list is now `lines` (as built by `handover_lines_build`)."""
    service.handover_lines.all().delete()
    HandoverLine.objects.bulk_create([HandoverLine(service=service, **line) for line in lines])


def custody_hand_over(service: Service, *, actor: Any) -> int:
    """The enterprise confirmed receipt: every register entry on the list as handed over is now theirs
    (dated today, logged, audited). Returns how many moved."""
    moved = 0
    ids = service.handover_lines.filter(handed_over=True, custody_entry__isnull=False).values_list(
        "custody_entry_id", flat=True
    )
    entries = CustodyEntry.objects.select_for_update(of=("self",)).select_related("project__enterprise")
    for entry in entries.filter(pk__in=list(ids)).order_by("pk"):
        CUSTODY_WORKFLOW.check("hand_over", state=entry.state, roles={Role.APPLICANT})
        previous = entry.state
        entry.state, entry.since, entry.counterpart = CustodyState.HANDED_OVER, timezone.localdate(), ""
        entry.save(update_fields=["state", "since", "counterpart", "updated_at"])
        custody_log(entry, "hand_over", previous, actor=actor, counterpart=entry.project.enterprise.name)
        moved += 1
    return moved


def custody_result_record(*, project_item: ProjectItem, actor: Any) -> CustodyEntry:
    """An approved item's result document enters the register (or its entry is corrected), held by the
    recording officer or else the project's lead officer. Runs in tracking's transaction."""
    entry = CustodyEntry.objects.filter(project_item=project_item).first()
    fields = {
        "name": project_item.result_name,
        "number": project_item.result_number,
        "issuer": project_item.result_issuer,
        "issued_on": project_item.result_issued_on,
    }
    if project_item.result_file:
        fields.update(scan=project_item.result_file.name, scan_content_type=project_item.result_content_type)
    if entry is not None:
        CustodyEntry.objects.filter(pk=entry.pk).update(**fields, updated_at=timezone.now())
        return entry
    officers = project_officers(project_item.project)
    holder = actor if actor.pk in {o.pk for o in officers} else (officers[0] if officers else None)
    entry = CustodyEntry.objects.create(
        project=project_item.project,
        project_item=project_item,
        kind=CustodyKind.RESULT,
        holder=holder,
        since=timezone.localdate(),
        created_by=actor,
        **fields,
    )
    custody_log(entry, "receive", "", actor=actor, counterpart=project_item.approval_item.department.name)
    return entry


def completion_ready_notify(project_id: int, item_id: int) -> None:
    """After an item's final step is committed: when nothing in scope is open any more and the service is
    still running, the project's officers are told completion can be prepared."""
    project = Project.objects.filter(pk=project_id, service_ended_at__isnull=True).first()
    if project is None or ProjectItem.objects.filter(project=project, state__in=sorted(OPEN_STATES)).exists():
        return
    with transaction.atomic():
        service = current_service(project)
        if service is None or service.state != ServiceState.IN_SERVICE:
            return
        notification_send(
            recipients=project_officers(project),
            kind="service.completion_ready",
            event_key=f"service:{service.pk}:completion_ready:{item_id}",
            title=_("可以提交办结：%(p)s") % {"p": project.name},
            body=_("委托范围内的事项均已办结或确认无需办理，请整理资料移交清单并提交办结。"),
            url=f"/closure/projects/{project.pk}/",
        )
