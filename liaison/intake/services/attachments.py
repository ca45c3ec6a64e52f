"""Files attached to an entrustment request, checked by content and size, never overwritten."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.errors import DomainError, PermissionDenied
from liaison.core.uploads import check_upload
from liaison.intake.models import Entrustment, EntrustmentAttachment, EntrustmentStatus
from liaison.intake.policies import can_act_as_applicant

MAX_ATTACHMENTS = 30


def entrustment_attachment_add(
    *, actor: Any, entrustment: Entrustment, upload: Any, description: str = ""
) -> EntrustmentAttachment:
    """Attach a file to a draft or returned request."""
    checked = check_upload(upload)
    with transaction.atomic():
        locked = Entrustment.objects.select_for_update().select_related("project").get(pk=entrustment.pk)
        if not can_act_as_applicant(actor, locked):
            raise PermissionDenied(_("只有本项目单位可以上传申请附件。"))
        if locked.status not in (EntrustmentStatus.DRAFT, EntrustmentStatus.RETURNED):
            raise DomainError(_("申请当前为“%(s)s”，不能再上传附件。") % {"s": locked.get_status_display()})
        if locked.attachments.count() >= MAX_ATTACHMENTS:
            raise DomainError(_("每份申请最多上传 %(n)d 个附件。") % {"n": MAX_ATTACHMENTS})
        name = (getattr(upload, "name", "") or "file")[-200:]
        attachment = EntrustmentAttachment(
            entrustment=locked,
            original_name=name,
            content_type=checked.content_type,
            size=checked.size,
            sha256=checked.sha256,
            description=(description or "").strip()[:200],
            uploaded_by=actor,
        )
        attachment.file.save(f"{checked.sha256[:16]}.{checked.kind}", upload, save=False)
        attachment.save()
        audit_record(
            actor=actor,
            action="entrustment.attachment_add",
            obj=locked,
            after={"file": name, "sha256": checked.sha256, "size": checked.size},
            summary=_("上传附件 %(n)s") % {"n": name},
        )
    return attachment
