"""Writes to the published documents: a new version (a draft), its publication. Atomic and audited; the
public pages' cache is emptied on commit so the new version shows at once."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.errors import DomainError, PermissionDenied
from liaison.portal.cache import portal_cache_clear
from liaison.portal.models import DocumentVersion, PublishedDocument, VersionState
from liaison.portal.policies import can_manage_documents

MAX_BODY = 200_000


def _ensure_manager(actor: Any) -> None:
    if not can_manage_documents(actor):
        raise PermissionDenied(_("只有政务服务中心工作人员可以维护公开文件。"))


def document_version_create(
    *, actor: Any, document: PublishedDocument, body: str, issued_on: dt.date, note: str = ""
) -> DocumentVersion:
    """A new draft version of `document`, numbered after the last one."""
    _ensure_manager(actor)
    body = (body or "").strip()
    if not body:
        raise DomainError(_("请填写正文。"), field="body")
    if len(body) > MAX_BODY:
        raise DomainError(_("正文过长（最多 20 万字）。"), field="body")
    if issued_on > timezone.localdate():
        raise DomainError(_("印发日期不能晚于今天。"), field="issued_on")
    with transaction.atomic():
        locked = PublishedDocument.objects.select_for_update().get(pk=document.pk)
        last = locked.versions.aggregate(n=Max("number"))["n"] or 0
        version = DocumentVersion.objects.create(
            document=locked,
            number=last + 1,
            body=body + "\n",
            issued_on=issued_on,
            note=(note or "").strip()[:300],
            created_by=actor,
        )
        audit_record(
            actor=actor,
            action="portal.document_version_created",
            obj=version,
            object_repr=f"{locked.title} v{version.number}",
            summary=_("新建公开文件版本"),
            after={"number": version.number, "issued_on": str(issued_on)},
        )
    return version


def document_version_publish(*, actor: Any, version: DocumentVersion) -> DocumentVersion:
    """Publish a draft: it becomes the document's current version; earlier ones stay readable."""
    _ensure_manager(actor)
    with transaction.atomic():
        locked = DocumentVersion.objects.select_for_update().select_related("document").get(pk=version.pk)
        if locked.state == VersionState.PUBLISHED:
            raise DomainError(_("该版本已经发布。"))
        locked.state = VersionState.PUBLISHED
        locked.published_at = timezone.now()
        locked.published_by = actor
        locked.save(update_fields=["state", "published_at", "published_by"])
        audit_record(
            actor=actor,
            action="portal.document_version_published",
            obj=locked,
            object_repr=f"{locked.document.title} v{locked.number}",
            summary=_("发布公开文件版本"),
            before={"state": VersionState.DRAFT},
            after={"state": VersionState.PUBLISHED},
        )
        transaction.on_commit(portal_cache_clear)
    return locked
