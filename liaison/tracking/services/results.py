"""An approved item's result document (批准文件、许可证、证书: name, number, issuing body, date, scan):
asked for when the guide records the approval, or recorded afterwards by the guide or the project's
officer. Closure adds it to the project's custody register (Art. 10(6)) through `item_result_recorded`."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.errors import DomainError
from liaison.core.uploads import check_upload
from liaison.directory.roles import Role
from liaison.tracking.models import ProjectItem, ProjectItemState
from liaison.tracking.policies import item_roles
from liaison.tracking.services.common import authorize, clean_text, lock_item
from liaison.tracking.services.materials import EXTENSIONS
from liaison.tracking.signals import item_result_recorded

RECORDERS = frozenset({Role.GUIDE, Role.OFFICER})


@dataclass(frozen=True)
class ResultDocument:
    name: str
    number: str
    issuer: str
    issued_on: dt.date
    upload: Any = None
    kind: str = ""
    content_type: str = ""


def result_document_clean(
    *, name: str | None, number: str | None, issuer: str | None, issued_on: Any, upload: Any = None
) -> ResultDocument:
    """The result document as entered: number, issuing body and date required (not in the future); the
    name defaults to the item's; a scan, when given, checked by its content."""
    number_text = clean_text(number, field="result_number", label=_("文号（证号）"), required=True, limit=80)
    issuer_text = clean_text(
        issuer, field="result_issuer", label=_("发文（发证）机关"), required=True, limit=120
    )
    name_text = clean_text(name, field="result_name", label=_("结果文件名称"), required=False, limit=200)
    if not isinstance(issued_on, dt.date):
        raise DomainError(_("请填写有效的发文（发证）日期。"), field="result_issued_on")
    if issued_on > timezone.localdate():
        raise DomainError(_("发文（发证）日期不能晚于今天。"), field="result_issued_on")
    checked = check_upload(upload) if upload else None
    return ResultDocument(
        name_text,
        number_text,
        issuer_text,
        issued_on,
        upload,
        checked.kind if checked else "",
        checked.content_type if checked else "",
    )


def result_store(item: ProjectItem, result: ResultDocument, *, actor: Any) -> None:
    """Write the result onto the locked, approved item, audit it and tell the apps above; the caller holds
    the transaction."""
    before = {"number": item.result_number, "issuer": item.result_issuer}
    item.result_name = result.name or str(_("%(i)s批准文件") % {"i": item.approval_item.name})
    item.result_number, item.result_issuer = result.number, result.issuer
    item.result_issued_on = result.issued_on
    fields = ["result_name", "result_number", "result_issuer", "result_issued_on", "updated_at"]
    if result.upload is not None:
        result.upload.seek(0)
        item.result_file.save(f"{uuid.uuid4().hex}.{EXTENSIONS[result.kind]}", result.upload, save=False)
        item.result_content_type = result.content_type
        fields += ["result_file", "result_content_type"]
    item.save(update_fields=fields)
    audit_record(
        actor=actor,
        action="project_item.record_result",
        obj=item,
        object_repr=f"{item.project.name} · {item.approval_item.name}",
        before=before,
        after={
            "name": item.result_name,
            "number": item.result_number,
            "issuer": item.result_issuer,
            "issued_on": item.result_issued_on,
            "scan": bool(item.result_file),
        },
        summary=_("%(i)s：登记审批结果文件 %(n)s") % {"i": item.approval_item.name, "n": item.result_number},
    )
    item_result_recorded.send(sender=ProjectItem, project_item=item, actor=actor)


def project_item_record_result(
    *, actor: Any, project_item: ProjectItem, result: ResultDocument
) -> ProjectItem:
    """The item's guide or the project's officer records (or corrects) an approved item's result document."""
    with transaction.atomic():
        item = lock_item(project_item)
        roles = item_roles(actor, item)
        authorize(
            visible=bool(roles),
            allowed=bool(roles & RECORDERS),
            message=_("只有该事项的指导员或本项目联络官可以登记审批结果文件。"),
            missing=_("事项不存在或您无权查看。"),
        )
        if item.state != ProjectItemState.APPROVED:
            raise DomainError(_("只有已办结的事项才能登记审批结果文件。"))
        result_store(item, result, actor=actor)
    return item
