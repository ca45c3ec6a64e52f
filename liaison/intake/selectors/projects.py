"""Reads of projects, scoped to what each role may see."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from liaison.core.errors import NotFound
from liaison.directory.roles import Role
from liaison.intake.models import Assignment, EnterpriseContact, Entrustment, Project
from liaison.intake.people import officer_project_ids
from liaison.intake.policies import READ_ALL_ROLES, can_view_project


def project_visible_to(user: Any) -> QuerySet[Project]:
    """Every project the user may see: all for the centre and oversight, own for enterprises and officers."""
    qs = Project.objects.all()
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if user.has_role(*READ_ALL_ROLES):
        return qs
    condition = Q(pk__in=[])
    if user.has_role(Role.APPLICANT) and user.enterprise_id:
        condition |= Q(enterprise_id=user.enterprise_id)
    if user.has_role(Role.OFFICER):
        condition |= Q(pk__in=_assigned_to(user))
    return qs.filter(condition)


def _assigned_to(user: Any) -> QuerySet[Assignment, Any]:
    return officer_project_ids(user)


def project_list(*, user: Any, q: str = "", stage: str = "", mine: bool = False) -> QuerySet[Project]:
    """Projects for list pages, with enterprise and active officers loaded in a fixed number of queries."""
    qs = project_visible_to(user).select_related("enterprise")
    if mine:
        qs = qs.filter(pk__in=_assigned_to(user))
    q = (q or "").strip()
    if q:
        qs = qs.filter(
            Q(name__icontains=q) | Q(service_number__icontains=q) | Q(enterprise__name__icontains=q)
        )
    if stage:
        qs = qs.filter(current_stage=stage)
    active = Assignment.objects.filter(is_active=True).select_related("officer__user")
    latest = Entrustment.objects.order_by("-created_at")
    return qs.prefetch_related(
        Prefetch("assignments", queryset=active, to_attr="active_assignments"),
        Prefetch("entrustments", queryset=latest, to_attr="entrustment_history"),
    ).order_by("-created_at", "-id")


def access_project(user: Any, project_id: int) -> Project:
    """The project if the user may see it; missing and forbidden look the same."""
    project = Project.objects.select_related("enterprise").filter(pk=project_id).first()
    if project is None or not can_view_project(user, project):
        raise NotFound(_("项目不存在。"))
    return project


def project_detail(project: Project) -> dict[str, Any]:
    """The related rows a project page shows: requests, officers (current and past), contacts."""
    return {
        "entrustments": list(
            project.entrustments.prefetch_related("items", "transitions__actor", "attachments").order_by(
                "-created_at"
            )
        ),
        "assignments": list(
            project.assignments.select_related("officer__user", "assigned_by").order_by(
                "-is_active", "-assigned_at"
            )
        ),
        "contacts": list(
            EnterpriseContact.objects.filter(enterprise_id=project.enterprise_id).order_by("role", "-since")
        ),
    }
