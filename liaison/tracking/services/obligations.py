"""The enterprise's dated to-dos (Art. 9): materials, revisions, attending in person, paying fees."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.errors import Conflict, DomainError
from liaison.deadlines.calendar_policy import calendar_problem, deadline_after
from liaison.intake.models import Project
from liaison.intake.people import enterprise_users
from liaison.intake.services.guard import ensure_service_open
from liaison.notifications.services.notify import notification_send
from liaison.tracking.lights import tracking_settings
from liaison.tracking.messages import render_message
from liaison.tracking.models import EnterpriseObligation, MaterialSubmission, ObligationKind, ProjectItem
from liaison.tracking.policies import (
    can_complete_obligation,
    can_create_obligation,
    can_view_plan,
    project_roles,
)
from liaison.tracking.services.common import authorize, clean_text


def default_due(today: dt.date | None = None) -> dt.date:
    """The centre's default period for the enterprise (N working days from today)."""
    today = today or timezone.localdate()
    days = tracking_settings().obligation_default_days
    deadline = deadline_after(today, days)
    if deadline.due_on is None:
        raise DomainError(
            _("%(msg)s 请直接填写截止日期。") % {"msg": calendar_problem(deadline.problem_year)},
            field="due_on",
        )
    return deadline.due_on


def obligation_add(
    *,
    actor: Any,
    project: Project,
    kind: str,
    title: str,
    due_on: dt.date,
    details: str = "",
    project_item: ProjectItem | None = None,
    submission: MaterialSubmission | None = None,
    notify: bool = True,
) -> EnterpriseObligation:
    """Record the to-do and tell the enterprise (no permission check: callers have checked)."""
    obligation = EnterpriseObligation.objects.create(
        project=project,
        project_item=project_item,
        submission=submission,
        kind=kind,
        title=title[:200],
        details=details,
        due_on=due_on,
        created_by=actor,
    )
    if not notify:  # the caller's own notice already says what is due
        return obligation
    title_text, body = render_message(
        "obligation.created", project=project.name, title=obligation.title, due=due_on, details=details
    )
    notification_send(
        recipients=enterprise_users(project),
        kind="obligation.created",
        event_key=f"obligation.created:{obligation.pk}",
        title=title_text,
        body=body,
        url=f"/tracking/projects/{project.pk}/",
    )
    return obligation


def obligation_create(
    *,
    actor: Any,
    project: Project,
    kind: str,
    title: str,
    due_on: dt.date,
    details: str = "",
    project_item: ProjectItem | None = None,
) -> EnterpriseObligation:
    """The officer (or the centre, or the item's guide) asks the enterprise to do something by a date."""
    if kind not in ObligationKind.values:
        raise DomainError(_("请选择待办类型。"), field="kind")
    title = clean_text(title, field="title", label=_("待办事项"), required=True, limit=200)
    details = clean_text(details, field="details", label=_("具体要求"), required=False)
    if not isinstance(due_on, dt.date) or isinstance(due_on, dt.datetime):
        raise DomainError(_("请填写截止日期。"), field="due_on")
    if due_on < timezone.localdate():
        raise DomainError(_("截止日期不能早于今天。"), field="due_on")
    if project_item is not None and project_item.project_id != project.pk:
        raise DomainError(_("所选事项不属于本项目。"), field="project_item")
    with transaction.atomic():
        authorize(
            visible=can_view_plan(actor, project),
            allowed=can_create_obligation(actor, project, project_item),
            message=_("只有本项目的联络官、中心或该事项的指导员可以布置待办。"),
        )
        ensure_service_open(project)
        obligation = obligation_add(
            actor=actor,
            project=project,
            kind=kind,
            title=title,
            due_on=due_on,
            details=details,
            project_item=project_item,
        )
        audit_record(
            actor=actor,
            action="obligation.create",
            obj=obligation,
            after={"kind": kind, "title": title, "due_on": due_on},
            summary=_("布置项目单位待办：%(t)s") % {"t": title},
        )
    return obligation


def obligation_complete(*, actor: Any, obligation: EnterpriseObligation) -> EnterpriseObligation:
    """The enterprise (or its officer, or the centre) marks the to-do done."""
    with transaction.atomic():
        locked = (
            EnterpriseObligation.objects.select_for_update(of=("self",))
            .select_related("project")
            .get(pk=obligation.pk)
        )
        visible = bool(project_roles(actor, locked.project))
        if visible and locked.done:
            raise Conflict(_("该待办已完成。"))
        authorize(
            visible=visible,
            allowed=can_complete_obligation(actor, locked),
            message=_("只有项目单位、本项目联络官或中心可以标记待办完成。"),
        )
        mark_done([locked], actor=actor)
        audit_record(
            actor=actor,
            action="obligation.complete",
            obj=locked,
            after={"done": True},
            summary=_("待办已完成：%(t)s") % {"t": locked.title},
        )
    return locked


def mark_done(obligations: list[EnterpriseObligation], *, actor: Any, cancel_reason: str = "") -> None:
    """Nothing waits on these to-dos any more: done by `actor` now, or cancelled with `cancel_reason`."""
    now = timezone.now()
    for obligation in obligations:
        obligation.done, obligation.done_at, obligation.done_by = True, now, actor
        obligation.cancel_reason = cancel_reason[:200]
    EnterpriseObligation.objects.bulk_update(obligations, ["done", "done_at", "done_by", "cancel_reason"])
