"""Reads of an officer's service record (跟踪管理, Art. 6)."""

from __future__ import annotations

from django.db.models import QuerySet

from liaison.officers.models import Officer, OfficerRecordEntry


def officer_record_list(*, officer: Officer) -> QuerySet[OfficerRecordEntry]:
    """The officer's record entries, newest first. Call after `access_officer`."""
    return (
        OfficerRecordEntry.objects.filter(officer=officer)
        .select_related("recorded_by")
        .order_by("-date", "-id")
    )
