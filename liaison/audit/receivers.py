"""What the audit app records when the lowest layer reports work done outside a request."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _


def export_requested_record(sender: Any, *, job: Any, **kwargs: Any) -> None:
    """Queuing a background export is an action of the user's: it goes into the audit trail."""
    from liaison.audit.services.events import audit_record  # noqa: PLC0415 - models load after the registry

    audit_record(
        actor=job.user,
        action="export.requested",
        obj=job,
        summary=_("申请后台导出“%(name)s”（%(n)s 条）") % {"name": job.name, "n": job.rows_total},
        extra={"path": job.path, "query": job.query[:500], "rows": job.rows_total},
    )


def export_personal_data_log(sender: Any, *, job: Any, seen: Any = None, **kwargs: Any) -> None:
    """A background export that showed personal data unmasked is logged like the page that shows it."""
    if seen is None or not seen.count:
        return
    from liaison.audit.models import PersonalDataView  # noqa: PLC0415 - models load after the app registry

    PersonalDataView.objects.create(
        user=job.user,
        path=f"{job.path}?{job.query}"[:300],
        method="EXPORT",
        ip=None,
        acting_role="",
        count=seen.count,
        subjects=seen.subjects,
    )
