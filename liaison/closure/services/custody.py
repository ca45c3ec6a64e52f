"""The custody register (Art. 10(6) 整理、保管和移交): the project's officer records what they hold on the
enterprise's behalf and every movement of it (received, lent to a department, given back, moved, handed
over); each movement is dated, logged and audited in the same transaction, and the enterprise is told."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.closure.models import CustodyEntry, CustodyKind, CustodyMovement, Service, ServiceState
from liaison.closure.policies import can_keep_custody
from liaison.closure.services.common import clean_text, lock_service
from liaison.closure.workflows import CUSTODY_MANUAL, CUSTODY_WORKFLOW
from liaison.core.errors import DomainError, PermissionDenied
from liaison.core.uploads import check_upload
from liaison.directory.models import User
from liaison.intake.models import Project
from liaison.intake.people import enterprise_users, project_officers
from liaison.intake.services.guard import ensure_service_open
from liaison.notifications.services.notify import notification_send

# While the handover list waits on the enterprise or the centre, the register stands still.
FROZEN = frozenset({ServiceState.COMPLETION_PREPARED, ServiceState.RECEIPT_CONFIRMED})
SCAN_KINDS = frozenset({"pdf", "png", "jpeg"})
EXT = {"pdf": "pdf", "png": "png", "jpeg": "jpg"}


@dataclass(frozen=True)
class EntryFields:
    """A register entry as entered by the officer (cleaned by `custody_fields_clean`)."""

    kind: str
    name: str
    number: str = ""
    issuer: str = ""
    issued_on: dt.date | None = None
    copies: int = 1
    pages: int | None = None
    location: str = ""
    remarks: str = ""


def _whole(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _day(value: Any, *, field: str, label: Any, not_before: dt.date | None = None) -> dt.date:
    """A movement's date: today when empty; never in the future nor before the entry's last movement."""
    day = value or timezone.localdate()
    if not isinstance(day, dt.date):
        raise DomainError(_("请填写有效的%(l)s。") % {"l": label}, field=field)
    if day > timezone.localdate():
        raise DomainError(_("%(l)s不能晚于今天。") % {"l": label}, field=field)
    if not_before and day < not_before:
        raise DomainError(
            _("%(l)s不能早于上一次流转的日期（%(d)s）。") % {"l": label, "d": not_before.isoformat()},
            field=field,
        )
    return day


def custody_fields_clean(data: dict[str, Any]) -> EntryFields:
    """The entry's fields as posted: a kind (the enterprise's original or copy: result documents come from
    the approved item), a name, copies 1–999, pages 1–9999 or empty."""
    kind = data.get("kind")
    if kind not in (CustodyKind.ORIGINAL, CustodyKind.COPY):
        raise DomainError(_("请选择资料类别（原件或复印件）；审批结果文件在事项办结时登记。"), field="kind")
    copies, pages = data.get("copies"), data.get("pages")
    copies = 1 if copies is None else copies
    if not _whole(copies, 1, 999):
        raise DomainError(_("份数须为 1 至 999 的整数。"), field="copies")
    if pages is not None and not _whole(pages, 1, 9999):
        raise DomainError(_("页数须为 1 至 9999 的整数或不填。"), field="pages")
    issued_on = data.get("issued_on")
    if issued_on is not None:
        issued_on = _day(issued_on, field="issued_on", label=_("发文（发证）日期"))
    text = {
        key: clean_text(data.get(key), field=key, label=label, required=key == "name", limit=limit)
        for key, label, limit in (
            ("name", _("资料名称"), 200),
            ("number", _("文号（证号）"), 80),
            ("issuer", _("发文（发证）机关"), 120),
            ("location", _("存放位置"), 120),
            ("remarks", _("备注"), 200),
        )
    }
    return EntryFields(kind=kind, issued_on=issued_on, copies=copies, pages=pages, **text)


def _lock_register(actor: Any, project: Project) -> tuple[Service, frozenset[str]]:
    """The current service under its lock, after checking the actor keeps this register (404 for outsiders,
    403 for readers) and that the register may change now."""
    service, roles = lock_service(actor, project)
    if not can_keep_custody(roles):
        raise PermissionDenied(_("只有本项目联络官可以登记资料保管台账。"))
    ensure_service_open(service.project)
    if service.state in FROZEN:
        raise DomainError(_("资料移交清单正在等待确认，暂不能变更资料保管台账。"))
    return service, roles


def custody_log(
    entry: CustodyEntry, name: str, previous: str, *, actor: Any, counterpart: str = "", note: str = ""
) -> CustodyMovement:
    """Write the movement row, the audit event and tell the enterprise, in the caller's transaction."""
    movement = CustodyMovement.objects.create(
        entry=entry,
        name=name,
        from_state=previous,
        to_state=entry.state,
        on=entry.since,
        counterpart=counterpart,
        location=entry.location,
        note=note,
        actor=actor,
    )
    label = CUSTODY_WORKFLOW.transition(name).label if name != "receive" else _("接收保管")
    audit_record(
        actor=actor,
        action=f"custody.{name}",
        obj=entry,
        object_repr=f"{entry.project.name} · {entry.name}",
        before={"state": previous},
        after={
            "state": entry.state,
            "on": entry.since,
            "location": entry.location,
            "holder": entry.holder_id,
            "counterpart": counterpart,
        },
        summary=_("%(n)s：%(a)s") % {"n": entry.name, "a": label},
    )
    notification_send(
        recipients=[u for u in enterprise_users(entry.project) if u.pk != actor.pk],
        kind=f"custody.{name}",
        event_key=f"custody:{entry.pk}:{movement.pk}",
        title=_("资料保管：%(n)s（%(a)s）") % {"n": entry.name, "a": label},
        body=" ".join(filter(None, [entry.since.isoformat(), counterpart, note])),
        url=f"/closure/custody/{entry.pk}/",
    )
    return movement


def custody_entry_add(
    *, actor: Any, project: Project, fields: EntryFields, received_on: Any = None, scan: Any = None
) -> CustodyEntry:
    """The officer records a document the enterprise handed over (original or copy), kept by them from
    `received_on` (today when empty), with its scan when there is one."""
    checked = check_upload(scan, allowed=SCAN_KINDS) if scan else None
    with transaction.atomic():
        service, _roles = _lock_register(actor, project)
        entry = CustodyEntry(
            project=service.project,
            holder=actor,
            since=_day(received_on, field="received_on", label=_("接收日期")),
            created_by=actor,
            **fields.__dict__,
        )
        if checked:
            _store_scan(entry, scan, checked.kind, checked.content_type)
        entry.save()
        custody_log(entry, "receive", "", actor=actor)
    return entry


def custody_entry_move(
    *,
    actor: Any,
    entry: CustodyEntry,
    name: str,
    on: Any = None,
    counterpart: str = "",
    location: str = "",
    holder: User | None = None,
    note: str = "",
) -> CustodyEntry:
    """Lend the document to a department, take it back, or move it to another place or holder (one of the
    project's officers); dated (today when empty), logged, audited."""
    if name not in CUSTODY_MANUAL:
        raise DomainError(_("未知的流转操作。"), field="name")
    who = clean_text(
        counterpart, field="counterpart", label=_("借用部门（人）"), required=name == "lend", limit=120
    )
    where = clean_text(location, field="location", label=_("存放位置"), required=False, limit=120)
    text = clean_text(note, field="note", label=_("说明"), required=False, limit=300)
    with transaction.atomic():
        _service, roles = _lock_register(actor, entry.project)
        locked = CustodyEntry.objects.select_for_update().select_related("project").get(pk=entry.pk)
        CUSTODY_WORKFLOW.check(name, state=locked.state, roles=roles)
        day = _day(on, field="on", label=_("流转日期"), not_before=locked.since)
        if holder is not None and holder.pk not in {u.pk for u in project_officers(locked.project)}:
            raise DomainError(_("保管人须为本项目的联络官。"), field="holder")
        if name == "relocate" and not where and holder is None:
            raise DomainError(_("请填写新的存放位置或选择新的保管人。"), field="location")
        previous, lent_to = locked.state, locked.counterpart
        locked.state = CUSTODY_WORKFLOW.transition(name).target
        locked.since = day
        locked.counterpart = who if name == "lend" else ""
        locked.location = where or locked.location
        locked.holder = holder or locked.holder
        locked.save()
        custody_log(locked, name, previous, actor=actor, counterpart=who or lent_to, note=text)
    return locked


def _store_scan(entry: CustodyEntry, upload: Any, kind: str, content_type: str) -> None:
    upload.seek(0)
    entry.scan.save(f"{uuid.uuid4().hex}.{EXT[kind]}", upload, save=False)
    entry.scan_content_type = content_type


def custody_entry_attach_scan(*, actor: Any, entry: CustodyEntry, upload: Any) -> CustodyEntry:
    """Attach (or replace) the entry's scan, checked by its content (PDF or image); audited."""
    checked = check_upload(upload, allowed=SCAN_KINDS)
    with transaction.atomic():
        _lock_register(actor, entry.project)
        locked = CustodyEntry.objects.select_for_update().select_related("project").get(pk=entry.pk)
        had = bool(locked.scan)
        _store_scan(locked, upload, checked.kind, checked.content_type)
        locked.save(update_fields=["scan", "scan_content_type", "updated_at"])
        audit_record(
            actor=actor,
            action="custody.scan",
            obj=locked,
            object_repr=f"{locked.project.name} · {locked.name}",
            before={"scan": had},
            after={"scan": True, "sha256": checked.sha256, "size": checked.size},
            summary=_("%(n)s：上传扫描件") % {"n": locked.name},
        )
    return locked
