"""Reads of materials, their files, the enterprise's obligations and the reminders sent."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from liaison.core.errors import NotFound
from liaison.intake.models import Project
from liaison.tracking.models import (
    EnterpriseObligation,
    MaterialFile,
    MaterialSubmission,
    ProjectItem,
    ReminderLog,
)
from liaison.tracking.policies import ActorScope, actor_scope, can_view_project_item, project_roles


def material_list(*, project_item: ProjectItem) -> list[MaterialSubmission]:
    """The item's checklist with every file version (newest first) and its uploader and reviewer."""
    files = MaterialFile.objects.select_related("uploaded_by", "reviewed_by").order_by("-version")
    return list(
        project_item.materials.prefetch_related(
            Prefetch("files", queryset=files, to_attr="versions")
        ).order_by("seq", "pk")
    )


def access_material_file(user: Any, file_id: int) -> MaterialFile:
    """A file version, for download by whoever may see its item; missing and forbidden look the same."""
    record = (
        MaterialFile.objects.select_related(
            "submission__project_item__project__enterprise", "submission__project_item__approval_item"
        )
        .filter(pk=file_id)
        .first()
    )
    if record is None or not can_view_project_item(user, record.submission.project_item):
        raise NotFound(_("文件不存在或您无权查看。"))
    return record


def access_material(user: Any, submission_id: int) -> MaterialSubmission:
    """A checklist line, if the user may see its item; missing and forbidden look the same."""
    row = (
        MaterialSubmission.objects.select_related(
            "project_item__project__enterprise", "project_item__approval_item"
        )
        .filter(pk=submission_id)
        .first()
    )
    if row is None or not can_view_project_item(user, row.project_item):
        raise NotFound(_("材料不存在或您无权查看。"))
    return row


def obligation_list(
    *, user: Any, project: Project | None = None, open_only: bool = True, scope: ActorScope | None = None
) -> QuerySet[EnterpriseObligation]:
    """The enterprise's to-dos the user may see (a project's, or all of the user's projects), soonest first.
    A guide sees those of a project tied to the items they guide."""
    qs = EnterpriseObligation.objects.select_related("project", "project_item__approval_item", "done_by")
    scope = scope or actor_scope(user)
    if project is not None and project_roles(user, project, scope):
        qs = qs.filter(project=project)
    elif project is not None:  # a guide sees the to-dos tied to the items they guide
        qs = qs.filter(project=project, project_item__approval_item_id__in=sorted(scope.guide_items))
    elif not scope.roles & {"center_admin", "center_leader", "supervisor", "project_office"}:
        qs = qs.filter(
            Q(project_id__in=scope.officer_projects) | Q(project__enterprise_id=scope.enterprise_id or 0)
        )
    return (
        qs.filter(done=False).order_by("due_on", "pk") if open_only else qs.order_by("done", "due_on", "pk")
    )


def access_obligation(user: Any, obligation_id: int) -> EnterpriseObligation:
    """One to-do, if the user may see its project; missing and forbidden look the same."""
    row = EnterpriseObligation.objects.select_related("project").filter(pk=obligation_id).first()
    if row is None or not project_roles(user, row.project):
        raise NotFound(_("待办不存在或您无权查看。"))
    return row


def reminder_log_list(*, project_item: ProjectItem) -> QuerySet[ReminderLog]:
    """Reminders and 催办 sent for the item, newest first."""
    return project_item.reminders.select_related("sent_by").order_by("-sent_at", "-id")
