"""The integrity and conduct track (廉政作风): the discipline-inspection supervisors register, verify and
conclude; they may send the centre a cooperation task that carries no complainant identity (the centre
answers it). The conclusion's text is sealed like the content; only the finding is a plain value."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.complaints.crypto import seal
from liaison.complaints.models import Complaint, Cooperation, CooperationKind, Finding, IntegrityState, Track
from liaison.complaints.policies import reads_tasks
from liaison.complaints.services.common import due_after, lock, record, step
from liaison.complaints.settings_row import complaint_settings
from liaison.core.errors import DomainError, NotFound
from liaison.directory.people import centre_admins, users_with_roles
from liaison.directory.roles import Role
from liaison.notifications.services.notify import notification_send
from liaison.tracking.services.common import clean_text

T = Track.INTEGRITY


def integrity_register(*, actor: Any, complaint_id: int) -> Complaint:
    with transaction.atomic():
        complaint, roles = lock(actor, complaint_id, T)
        previous = step(complaint, "register", actor=actor, roles=roles)
        complaint.registered_at, complaint.registered_by = timezone.now(), actor
        complaint.due_on = None
        complaint.save()
        record(complaint, "integrity_register", actor=actor, before={"state": previous})
    return complaint


def integrity_conclude(*, actor: Any, complaint_id: int, finding: Any, conclusion: Any) -> Complaint:
    if finding not in Finding.values:
        raise DomainError(_("请选择核查结论（属实、部分属实或不属实）。"), field="finding")
    conclusion = clean_text(
        conclusion, field="conclusion", label=_("核查情况及处理"), required=True, limit=4000
    )
    with transaction.atomic():
        complaint, roles = lock(actor, complaint_id, T)
        previous = step(complaint, "conclude", actor=actor, roles=roles)
        complaint.finding = finding
        complaint.sealed_conclusion = seal({"conclusion": conclusion})
        complaint.concluded_at = timezone.now()
        complaint.save()
        record(complaint, "integrity_conclude", actor=actor, before={"state": previous})
    return complaint


def task_send(*, actor: Any, complaint_id: int, request: Any) -> Cooperation:
    """A cooperation task for the centre; the supervisor writes it without the complainant's identity."""
    request = clean_text(request, field="request", label=_("协查事项"), required=True, limit=2000)
    with transaction.atomic():
        complaint, roles = lock(actor, complaint_id, T)
        if Role.SUPERVISOR not in roles:
            raise NotFound(_("投诉不存在或您无权查看。"))
        if complaint.state != IntegrityState.VERIFYING:
            raise DomainError(_("登记核查后才能请中心协查。"))
        task = Cooperation.objects.create(
            complaint=complaint,
            kind=CooperationKind.CENTRE_TASK,
            request=request,
            due_on=due_after(complaint_settings().task_days),
            requested_by=actor,
        )
        record(complaint, "task_send", actor=actor)
        notification_send(
            recipients=[u for u in centre_admins() if u.pk != actor.pk],
            kind="complaint.task",
            event_key=f"complaint_task:{task.pk}:sent",
            title=_("纪检监察部门请中心协查（任务 %(n)s）。") % {"n": task.pk},
            url=f"/complaints/tasks/{task.pk}/",
        )
    return task


def task_answer(*, actor: Any, task_id: int, answer: Any) -> Cooperation:
    answer = clean_text(answer, field="answer", label=_("协查答复"), required=True, limit=4000)
    with transaction.atomic():
        task = (
            Cooperation.objects.select_for_update()
            .filter(pk=task_id, kind=CooperationKind.CENTRE_TASK)
            .first()
        )
        if task is None or not reads_tasks(actor) or not actor.has_role(Role.CENTER_ADMIN):
            raise NotFound(_("协查任务不存在或您无权查看。"))
        if task.answered_at is not None:
            raise DomainError(_("该协查任务已经答复。"))
        task.answer, task.answered_by, task.answered_at = answer, actor, timezone.now()
        task.save()
        complaint = Complaint.objects.get(pk=task.complaint_id)
        record(complaint, "task_answer", actor=actor)
        notification_send(
            recipients=[
                p for p in [task.requested_by, *users_with_roles(Role.SUPERVISOR)] if p.pk != actor.pk
            ],
            kind="complaint.task_answered",
            event_key=f"complaint_task:{task.pk}:answered",
            title=_("中心已答复协查任务（投诉 %(n)s）。") % {"n": complaint.number},
            url=f"/complaints/integrity/{complaint.pk}/",
        )
    return task
