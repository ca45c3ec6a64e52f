"""/api/v1/closure: the custody register (read by whoever may see the project's service; written by the
project's officer) and the centre's closure periods. The same services as the pages."""

# No `from __future__ import annotations`: ninja resolves the bounded types (Id, Days) of the handlers.

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, File, Router, Schema
from ninja.files import UploadedFile

from liaison.closure.downloads import custody_scan_file
from liaison.closure.models import CustodyEntry
from liaison.closure.policies import can_manage_closure_settings
from liaison.closure.selectors.custody import access_custody, access_custody_entry
from liaison.closure.services.custody import (
    custody_entry_add,
    custody_entry_attach_scan,
    custody_entry_move,
    custody_fields_clean,
)
from liaison.closure.services.settings import closure_settings, closure_settings_update
from liaison.core.bounds import Count, Days, Id
from liaison.core.errors import NotFound

router = Router(tags=["closure"])


class CustodyMovementOut(Schema):
    name: str
    from_state: str
    to_state: str
    on: dt.date
    counterpart: str
    location: str
    note: str
    actor: str


class CustodyEntryOut(Schema):
    id: int
    project_id: int
    project_item_id: int | None
    kind: str
    name: str
    number: str
    issuer: str
    issued_on: dt.date | None
    copies: int
    pages: int | None
    state: str
    state_label: str
    location: str
    holder: str
    since: dt.date
    counterpart: str
    has_scan: bool
    remarks: str
    movements: list[CustodyMovementOut] = []


class CustodyEntryIn(Schema):
    kind: str = Field(max_length=12, description="original / copy")
    name: str = Field(max_length=200)
    number: str = Field(default="", max_length=80)
    issuer: str = Field(default="", max_length=120)
    issued_on: dt.date | None = None
    copies: Count = 1
    pages: Count | None = None
    location: str = Field(default="", max_length=120)
    remarks: str = Field(default="", max_length=200)
    received_on: dt.date | None = None


class CustodyMoveIn(Schema):
    name: str = Field(max_length=24, description="lend / give_back / relocate")
    on: dt.date | None = None
    counterpart: str = Field(default="", max_length=120)
    location: str = Field(default="", max_length=120)
    holder_id: Id | None = None
    note: str = Field(default="", max_length=300)


class ClosureSettingsIO(Schema):
    receipt_days: Days
    confirmation_days: Days


def _entry_out(entry: CustodyEntry, movements: list[Any] | None = None) -> dict[str, Any]:
    return {
        **{f: getattr(entry, f) for f in ("id", "project_id", "project_item_id", "kind", "name", "number")},
        **{f: getattr(entry, f) for f in ("issuer", "issued_on", "copies", "pages", "state", "location")},
        "state_label": str(entry.get_state_display()),
        "holder": entry.holder.display_name if entry.holder else "",
        "since": entry.since,
        "counterpart": entry.counterpart,
        "has_scan": bool(entry.scan),
        "remarks": entry.remarks,
        "movements": [
            {
                **{f: getattr(m, f) for f in ("name", "from_state", "to_state", "on", "counterpart")},
                "location": m.location,
                "note": m.note,
                "actor": m.actor.display_name,
            }
            for m in movements or []
        ],
    }


def _detail(request: HttpRequest, entry_id: int) -> dict[str, Any]:
    panel = access_custody_entry(request.user, entry_id)
    return _entry_out(panel.entry, panel.movements)


@router.get("/projects/{project_id}/custody", response=list[CustodyEntryOut], summary="The custody register")
def custody_list(request: HttpRequest, project_id: Id) -> Any:
    return [_entry_out(e) for e in access_custody(request.user, project_id).entries]


@router.post(
    "/projects/{project_id}/custody", response=CustodyEntryOut, summary="Register a document received"
)
def custody_add(request: HttpRequest, project_id: Id, payload: CustodyEntryIn) -> Any:
    panel = access_custody(request.user, project_id)
    data = payload.dict()
    received_on = data.pop("received_on")
    entry = custody_entry_add(
        actor=request.user, project=panel.project, fields=custody_fields_clean(data), received_on=received_on
    )
    return _detail(request, entry.pk)


@router.get("/custody/{entry_id}", response=CustodyEntryOut, summary="One register entry and its movements")
def custody_get(request: HttpRequest, entry_id: Id) -> Any:
    return _detail(request, entry_id)


@router.post("/custody/{entry_id}/movements", response=CustodyEntryOut, summary="Lend, give back or move")
def custody_move(request: HttpRequest, entry_id: Id, payload: CustodyMoveIn) -> Any:
    panel = access_custody_entry(request.user, entry_id)
    custody_entry_move(
        actor=request.user,
        entry=panel.entry,
        name=payload.name,
        on=payload.on,
        counterpart=payload.counterpart,
        location=payload.location,
        holder=panel.officer(payload.holder_id),
        note=payload.note,
    )
    return _detail(request, entry_id)


@router.get(
    "/custody/{entry_id}/scan",
    summary="Download the entry's scan (PDF/image); 404 when it has none",
    openapi_extra={
        "responses": {200: {"description": "The file", "content": {"application/octet-stream": {}}}}
    },
)
def custody_scan_download(request: HttpRequest, entry_id: Id) -> Any:
    return custody_scan_file(access_custody_entry(request.user, entry_id).entry)


@router.post(
    "/custody/{entry_id}/scan", response=CustodyEntryOut, summary="Attach the entry's scan (PDF/image)"
)
def custody_scan(request: HttpRequest, entry_id: Id, scan: UploadedFile = File(...)) -> Any:  # noqa: B008
    panel = access_custody_entry(request.user, entry_id)
    custody_entry_attach_scan(actor=request.user, entry=panel.entry, upload=scan)
    return _detail(request, entry_id)


@router.get("/settings", response=ClosureSettingsIO, summary="The centre's receipt and confirmation periods")
def settings_get(request: HttpRequest) -> Any:
    if not can_manage_closure_settings(request.user):
        raise NotFound(_("页面不存在。"))
    return closure_settings()


@router.put("/settings", response=ClosureSettingsIO, summary="Change the periods (centre staff)")
def settings_put(request: HttpRequest, payload: ClosureSettingsIO) -> Any:
    if not can_manage_closure_settings(request.user):
        raise NotFound(_("页面不存在。"))
    return closure_settings_update(actor=request.user, **payload.dict())
