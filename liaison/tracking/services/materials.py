"""Materials of a project item (Art. 9(2)(3), 10(2), 11(2)): uploads kept as versions, reviewed by the guide."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.errors import DomainError
from liaison.core.uploads import check_upload
from liaison.notifications.services.notify import notification_send
from liaison.tracking.messages import render_message
from liaison.tracking.models import MaterialFile, MaterialStatus, MaterialSubmission, ObligationKind
from liaison.tracking.people import audience
from liaison.tracking.policies import can_review_material, can_upload_material, can_view_project_item
from liaison.tracking.services.common import authorize, clean_text
from liaison.tracking.services.obligations import default_due, mark_done, obligation_add

EXTENSIONS = {
    "pdf": "pdf",
    "png": "png",
    "jpeg": "jpg",
    "docx": "docx",
    "xlsx": "xlsx",
    "doc": "doc",
    "xls": "xls",
}


def _lock(submission: MaterialSubmission) -> MaterialSubmission:
    return (
        MaterialSubmission.objects.select_for_update(of=("self",))
        .select_related("project_item__project__enterprise", "project_item__approval_item")
        .get(pk=submission.pk)
    )


def material_file_upload(
    *, actor: Any, submission: MaterialSubmission, upload: Any, note: str = ""
) -> MaterialFile:
    """Add a new version of the material (never overwriting one), checked by content; it counts as provided."""
    note = clean_text(note, field="note", label=_("说明"), required=False, limit=300)
    checked = check_upload(upload)
    with transaction.atomic():
        locked = _lock(submission)
        authorize(
            visible=can_view_project_item(actor, locked.project_item),
            allowed=can_upload_material(actor, locked),
            message=_("只有项目单位或本项目联络官可以在事项办理期间上传材料。"),
            missing=_("材料不存在或您无权查看。"),
        )
        version = locked.file_count + 1
        record = MaterialFile(
            submission=locked,
            version=version,
            original_name=(getattr(upload, "name", "") or "file")[:200],
            content_type=checked.content_type,
            size=checked.size,
            sha256=checked.sha256,
            note=note,
            uploaded_by=actor,
        )
        upload.seek(0)
        record.file.save(f"{uuid.uuid4().hex}.{EXTENSIONS[checked.kind]}", upload, save=False)
        record.save()
        previous = locked.status
        locked.status, locked.revision_reason, locked.file_count = MaterialStatus.PROVIDED, "", version
        locked.save(update_fields=["status", "revision_reason", "file_count", "updated_at"])
        mark_done(list(locked.obligations.filter(done=False)), actor=actor)
        audit_record(
            actor=actor,
            action="material.upload",
            obj=record,
            object_repr=f"{locked.project_item.approval_item.name} · {locked.name}",
            before={"status": previous},
            after={
                "status": locked.status,
                "version": version,
                "sha256": checked.sha256,
                "size": checked.size,
            },
            summary=_("上传材料“%(m)s”第 %(v)d 版") % {"m": locked.name, "v": version},
        )
    return record


def _review(actor: Any, submission: MaterialSubmission, status: str, reason: str) -> MaterialSubmission:
    locked = _lock(submission)
    authorize(
        visible=can_view_project_item(actor, locked.project_item),
        allowed=can_review_material(actor, locked),
        message=_("只有该事项的现任指导员可以审查材料。"),
        missing=_("材料不存在或您无权查看。"),
    )
    latest = locked.files.order_by("-version").first()
    if latest is None:
        raise DomainError(_("材料“%(m)s”尚未上传，无法审查。") % {"m": locked.name})
    latest.review_status, latest.review_reason = status, reason
    latest.reviewed_by, latest.reviewed_at = actor, timezone.now()
    latest.save(update_fields=["review_status", "review_reason", "reviewed_by", "reviewed_at"])
    previous = locked.status
    locked.status, locked.revision_reason = status, reason
    locked.save(update_fields=["status", "revision_reason", "updated_at"])
    audit_record(
        actor=actor,
        action="material.accept" if status == MaterialStatus.ACCEPTED else "material.request_revision",
        obj=latest,
        object_repr=f"{locked.project_item.approval_item.name} · {locked.name}",
        before={"status": previous},
        after={"status": status, "version": latest.version, "reason": reason},
        summary=(_("认可材料“%(m)s”") if status == MaterialStatus.ACCEPTED else _("材料“%(m)s”需修改"))
        % {"m": locked.name},
    )
    return locked


def material_accept(*, actor: Any, submission: MaterialSubmission) -> MaterialSubmission:
    """The item's guide accepts the latest version of the material."""
    with transaction.atomic():
        return _review(actor, submission, MaterialStatus.ACCEPTED, "")


def material_request_revision(
    *, actor: Any, submission: MaterialSubmission, reason: str, due_on: dt.date | None = None
) -> MaterialSubmission:
    """The guide asks for a revision with the reason; the enterprise gets a dated to-do and is told."""
    reason = clean_text(reason, field="reason", label=_("修改意见"), required=True, limit=500)
    with transaction.atomic():
        locked = _review(actor, submission, MaterialStatus.NEEDS_REVISION, reason)
        item = locked.project_item
        obligation_add(
            actor=actor,
            project=item.project,
            project_item=item,
            submission=locked,
            kind=ObligationKind.REVISION,
            title=str(_("修改材料：%(m)s") % {"m": locked.name}),
            details=reason,
            due_on=due_on or default_due(),
            notify=False,
        )
        title, body = render_message(
            "material.revision",
            project=item.project.name,
            item=item.approval_item.name,
            material=locked.name,
            reason=reason,
        )
        notification_send(
            recipients=audience(item, ["officer", "enterprise"], exclude=actor),
            kind="material.revision",
            event_key=f"material.revision:{locked.pk}:v{locked.file_count}",
            title=title,
            body=body,
            url=f"/tracking/items/{item.pk}/",
        )
    return locked
