"""The one place intake services decide between 'not yours to see' (404) and 'not yours to do' (403)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from liaison.core.errors import Conflict, NotFound, PermissionDenied
from liaison.intake.models import Entrustment, Project
from liaison.intake.policies import can_view_entrustment, can_view_project


def authorize_entrustment(actor: Any, entrustment: Entrustment, *, allowed: bool, message: Any) -> None:
    """Raise NotFound if the actor may not see the request, PermissionDenied(message) if `allowed` is false."""
    if not can_view_entrustment(actor, entrustment):
        raise NotFound(_("申请不存在或您无权查看。"))
    if not allowed:
        raise PermissionDenied(message)


def authorize_project(actor: Any, project: Project, *, allowed: bool, message: Any) -> None:
    """Raise NotFound if the actor may not see the project, PermissionDenied(message) if `allowed` is false."""
    if not can_view_project(actor, project):
        raise NotFound(_("项目不存在或您无权查看。"))
    if not allowed:
        raise PermissionDenied(message)


def ensure_service_open(project: Project) -> None:
    """Refuse service actions on a project whose service has ended (completed or terminated)."""
    ended = project.service_ended_at is not None or (
        Project.objects.filter(pk=project.pk, service_ended_at__isnull=False).exists()
    )
    if ended:
        raise Conflict(
            _("该项目的联络官服务已办结或终止，相关记录只能查看。如需继续服务，请重新提交委托申请（续办）。")
        )
