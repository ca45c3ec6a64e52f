"""Intake tells the officers app which projects an officer still serves (their reassignment comes first)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from liaison.intake.models import Assignment, AssignmentRole
from liaison.officers.models import Officer
from liaison.officers.services.suspension import Blocker, register_blocker_provider


def active_projects_of(officer: Officer) -> list[Blocker]:
    """The officer's active assignments on projects whose service has not ended."""
    rows = (
        Assignment.objects.filter(officer=officer, is_active=True, project__service_ended_at__isnull=True)
        .select_related("project")
        .order_by("project__name", "pk")
    )
    return [
        Blocker(
            label=_("%(p)s（%(r)s）")
            % {"p": a.project.name, "r": _("主办") if a.role == AssignmentRole.LEAD else _("协办")},
            url=reverse("intake:reassign", args=[a.project_id]),
        )
        for a in rows
    ]


def register() -> None:
    register_blocker_provider(active_projects_of)
