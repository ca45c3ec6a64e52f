"""What the audit app records when the lowest layer reports work done outside a request."""

from __future__ import annotations

from typing import Any


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
