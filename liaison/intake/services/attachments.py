"""Files attached to an entrustment request, checked by content and size, never overwritten."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.errors import DomainError, NotFound
from liaison.core.uploads import check_upload
from liaison.intake.models import Entrustment, EntrustmentAttachment, EntrustmentStatus
from liaison.intake.policies import can_act_as_applicant
from liaison.intake.services.entrustment_steps import lock_entrustment
from liaison.intake.services.guard import authorize_entrustment

MAX_ATTACHMENTS = 30
EDITABLE = (EntrustmentStatus.DRAFT, EntrustmentStatus.RETURNED)


def _lock_editable(actor: Any, entrustment: Entrustment) -> Entrustment:
    locked = lock_entrustment(entrustment)
    authorize_entrustment(
        actor,
        locked,
        allowed=can_act_as_applicant(actor, locked),
        message=_("只有本项目单位可以管理申请附件。"),
    )
    if locked.status not in EDITABLE:
        raise DomainError(
            _("申请当前为“%(s)s”，只有草稿或退回补充的申请可以增删附件。")
            % {"s": locked.get_status_display()}
        )
    return locked


def entrustment_attachment_add(
    *, actor: Any, entrustment: Entrustment, upload: Any, description: str = ""
) -> EntrustmentAttachment:
    """Attach a file to a draft or returned request; its type is judged by content, its checksum kept."""
    with transaction.atomic():
        locked = _lock_editable(actor, entrustment)
        checked = check_upload(upload)
        if locked.attachments.count() >= MAX_ATTACHMENTS:
            raise DomainError(_("每份申请最多上传 %(n)d 个附件。") % {"n": MAX_ATTACHMENTS}, field="file")
        same = locked.attachments.filter(sha256=checked.sha256).first()
        if same is not None:
            raise DomainError(
                _("相同内容的文件已上传（%(name)s），无需重复上传。") % {"name": same.original_name},
                field="file",
            )
        name = (getattr(upload, "name", "") or "file").rsplit("/", 1)[-1][-200:]
        attachment = EntrustmentAttachment(
            entrustment=locked,
            original_name=name,
            content_type=checked.content_type,
            size=checked.size,
            sha256=checked.sha256,
            description=(description or "").strip()[:200],
            uploaded_by=actor,
        )
        upload.seek(0)
        attachment.file.save(f"{checked.sha256[:16]}.{checked.kind}", upload, save=False)
        try:
            attachment.save()
            audit_record(
                actor=actor,
                action="entrustment.attachment_add",
                obj=locked,
                after={"file": name, "sha256": checked.sha256, "size": checked.size, "type": checked.kind},
                summary=_("上传附件 %(n)s") % {"n": name},
            )
        except Exception:
            attachment.file.delete(save=False)  # no orphan file when the row is not written
            raise
    return attachment


def entrustment_attachment_remove(*, actor: Any, attachment: EntrustmentAttachment) -> None:
    """Remove a file from a draft or returned request; the audit trail keeps its name and checksum."""
    with transaction.atomic():
        locked = _lock_editable(actor, attachment.entrustment)
        row = EntrustmentAttachment.objects.filter(pk=attachment.pk, entrustment=locked).first()
        if row is None:
            raise NotFound(_("附件不存在。"))
        stored = row.file.name or ""
        audit_record(
            actor=actor,
            action="entrustment.attachment_remove",
            obj=locked,
            before={"file": row.original_name, "sha256": row.sha256, "size": row.size},
            summary=_("删除附件 %(n)s") % {"n": row.original_name},
        )
        row.delete()
        storage = row.file.storage
        if stored:
            transaction.on_commit(lambda: storage.delete(stored))
