"""Moving a project item through its workflow (workflows.py): one service per step, one shared path.

Every step: lock the item, check who may take it (the officer assigned to the project, the item's
current guide, the centre), record it (time, actor, acting role, comment), recompute the clock,
write the audit event and notify those concerned, all in one transaction.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.errors import DomainError
from liaison.notifications.services.notify import notification_send
from liaison.tracking.messages import AUDIENCE, render_message
from liaison.tracking.models import (
    FINAL_STATES,
    MaterialStatus,
    ObligationKind,
    ProjectItem,
    ProjectItemState,
    ProjectItemTransition,
)
from liaison.tracking.people import audience
from liaison.tracking.policies import item_roles
from liaison.tracking.services.common import (
    CLOCK_FIELDS,
    authorize,
    clean_text,
    item_refresh,
    item_steps,
    lock_item,
    step_time,
)
from liaison.tracking.services.obligations import default_due, mark_done, obligation_add
from liaison.tracking.services.results import ResultDocument, result_store
from liaison.tracking.services.rollups import rollups_refresh
from liaison.tracking.signals import item_finished
from liaison.tracking.workflows import COMMENT_REQUIRED, PROJECT_ITEM_WORKFLOW

S = ProjectItemState
DATE_OF_STEP: dict[str, str] = {
    S.PREPARING: "started_on",
    S.SUBMITTED: "submitted_on",
    S.APPROVED: "decided_on",
    S.NOT_APPROVED: "decided_on",
}


def _check_materials(item: ProjectItem, name: str) -> None:
    if name not in ("submit", "resubmit"):
        return
    materials = list(item.materials.all())
    if name == "submit":
        missing = [m.name for m in materials if m.required and m.status == MaterialStatus.MISSING]
        if missing:
            raise DomainError(_("以下必需材料尚未提供，不能申报：%(m)s") % {"m": "、".join(missing)})
    flawed = [m.name for m in materials if m.status == MaterialStatus.NEEDS_REVISION]
    if flawed:
        raise DomainError(_("以下材料需修改后重新上传：%(m)s") % {"m": "、".join(flawed)})


def _side_effects(item: ProjectItem, name: str, *, actor: Any, comment: str, due_on: dt.date | None) -> None:
    if name == "request_supplement":
        obligation_add(
            actor=actor,
            project=item.project,
            project_item=item,
            kind=ObligationKind.REVISION,
            title=str(_("补正：%(i)s") % {"i": item.approval_item.name}),
            details=comment,
            due_on=due_on or default_due(),
            notify=False,
        )
    if name == "resubmit":  # the supplement is handed in: the enterprise's revision to-dos are done
        mark_done(list(item.obligations.filter(done=False, kind=ObligationKind.REVISION)), actor=actor)


def project_item_transition(
    *,
    actor: Any,
    project_item: ProjectItem,
    name: str,
    comment: str = "",
    at: dt.datetime | None = None,
    due_on: dt.date | None = None,
) -> ProjectItem:
    """Take transition `name`; `at` records an earlier moment (not before the previous step, not future)."""
    if name not in {t.name for t in PROJECT_ITEM_WORKFLOW.transitions}:
        raise DomainError(_("未知的办理操作。"), field="name")
    required = name in COMMENT_REQUIRED
    comment = clean_text(comment, field="comment", label=_("说明或理由"), required=required)
    with transaction.atomic():
        item = lock_item(project_item)
        roles = item_roles(actor, item)
        authorize(visible=bool(roles), allowed=True, message="", missing=_("事项不存在或您无权查看。"))
        t = PROJECT_ITEM_WORKFLOW.check(name, state=item.state, roles=roles)
        _check_materials(item, name)
        last = item.transitions.order_by("-at", "-id").first()
        when = step_time(at, after=last.at if last else None)
        previous = item.state
        step = ProjectItemTransition.objects.create(
            project_item=item,
            name=name,
            from_state=previous,
            to_state=t.target,
            actor=actor,
            acting_role=sorted(roles & t.roles)[0],
            comment=comment,
            at=when,
        )
        item.state = t.target
        day = timezone.localdate(when)
        fields = ["state", *CLOCK_FIELDS]
        if t.target in DATE_OF_STEP and getattr(item, DATE_OF_STEP[t.target]) is None:
            setattr(item, DATE_OF_STEP[t.target], day)
            fields.append(DATE_OF_STEP[t.target])
        if t.target in FINAL_STATES:
            item.ended_on = day
            fields.append("ended_on")
        item_refresh(item, steps=item_steps(item))
        item.save(update_fields=fields)
        rollups_refresh([item.project_id])
        if t.target in FINAL_STATES and previous not in FINAL_STATES:
            item_finished.send(sender=ProjectItem, project_item=item, actor=actor)
        _side_effects(item, name, actor=actor, comment=comment, due_on=due_on)
        audit_record(
            actor=actor,
            action=f"project_item.{name}",
            obj=item,
            object_repr=f"{item.project.name} · {item.approval_item.name}",
            before={"state": previous},
            after={"state": item.state, "at": when, "due_on": item.due_on},
            summary=f"{item.approval_item.name}：{t.label}" + (f"（{comment[:80]}）" if comment else ""),
        )
        _notify(item, step, actor=actor)
    return item


def _notify(item: ProjectItem, step: ProjectItemTransition, *, actor: Any) -> None:
    kind = f"project_item.{step.name}"
    title, body = render_message(
        kind,
        project=item.project.name,
        item=item.approval_item.name,
        on=timezone.localdate(step.at).isoformat(),
        comment=step.comment,
    )
    notification_send(
        recipients=audience(item, AUDIENCE[step.name], exclude=actor),
        kind=kind,
        event_key=f"{kind}:{step.pk}",
        title=title,
        body=body,
        url=f"/tracking/items/{item.pk}/",
    )


def project_item_prepare(
    *, actor: Any, project_item: ProjectItem, comment: str = "", at: Any = None
) -> ProjectItem:
    """The officer starts preparing the item's materials with the enterprise."""
    return project_item_transition(
        actor=actor, project_item=project_item, name="prepare", comment=comment, at=at
    )


def project_item_submit(
    *, actor: Any, project_item: ProjectItem, comment: str = "", at: Any = None
) -> ProjectItem:
    """The officer files the item with the department (every required material provided)."""
    return project_item_transition(
        actor=actor, project_item=project_item, name="submit", comment=comment, at=at
    )


def project_item_accept(
    *, actor: Any, project_item: ProjectItem, comment: str = "", at: Any = None
) -> ProjectItem:
    """The item's guide records acceptance (受理): the legal clock starts (or the resubmission is taken in)."""
    return project_item_transition(
        actor=actor, project_item=project_item, name="accept", comment=comment, at=at
    )


def project_item_request_supplement(
    *,
    actor: Any,
    project_item: ProjectItem,
    missing: list[str],
    due_on: dt.date | None = None,
    at: Any = None,
) -> ProjectItem:
    """The guide asks for a supplement (补正), everything at once (一次性告知); the clock pauses."""
    lines = [m.strip() for m in (missing or []) if m and m.strip()]
    if not lines:
        raise DomainError(_("请逐项列明需要补正的内容（一次性告知）。"), field="missing")
    comment = "\n".join(f"{n}. {m}" for n, m in enumerate(lines, start=1))
    return project_item_transition(
        actor=actor,
        project_item=project_item,
        name="request_supplement",
        comment=comment,
        at=at,
        due_on=due_on,
    )


def project_item_resubmit(
    *, actor: Any, project_item: ProjectItem, comment: str = "", at: Any = None
) -> ProjectItem:
    """The officer hands in the supplement; the clock resumes."""
    return project_item_transition(
        actor=actor, project_item=project_item, name="resubmit", comment=comment, at=at
    )


def project_item_approve(
    *,
    actor: Any,
    project_item: ProjectItem,
    comment: str = "",
    at: Any = None,
    result: ResultDocument | None = None,
) -> ProjectItem:
    """The guide records the approval (办结), with its result document when it is at hand (the page and the
    API ask for it; it can also be recorded afterwards with `project_item_record_result`)."""
    with transaction.atomic():
        item = project_item_transition(
            actor=actor, project_item=project_item, name="approve", comment=comment, at=at
        )
        if result is not None:
            result_store(item, result, actor=actor)
    return item


def project_item_reject(*, actor: Any, project_item: ProjectItem, reason: str, at: Any = None) -> ProjectItem:
    """The guide records a refusal (不予许可), with its reasons."""
    return project_item_transition(
        actor=actor, project_item=project_item, name="reject", comment=reason, at=at
    )


def project_item_mark_not_needed(
    *, actor: Any, project_item: ProjectItem, reason: str, at: Any = None
) -> ProjectItem:
    """The officer or the centre takes an item the project turns out not to need out of the plan."""
    return project_item_transition(
        actor=actor, project_item=project_item, name="mark_not_needed", comment=reason, at=at
    )


def project_item_withdraw(
    *, actor: Any, project_item: ProjectItem, reason: str, at: Any = None
) -> ProjectItem:
    """The officer or the centre withdraws the item's application."""
    return project_item_transition(
        actor=actor, project_item=project_item, name="withdraw", comment=reason, at=at
    )
