"""Bringing the test project to the moments an evaluation is invited: its item finished, its service
completed or terminated — always through the real services."""

from __future__ import annotations

from typing import Any

from liaison.closure.services.completion import (
    service_confirm_completion,
    service_confirm_receipt,
    service_prepare_completion,
)
from liaison.closure.services.termination import service_confirm_termination, service_request_termination
from liaison.evaluation.models import Invitation, SubjectKind
from liaison.tracking.models import ProjectItem
from liaison.tracking.tests.builders import Driver

LINES = [
    {"name": "建设工程规划许可证", "issuer": "昆明市自然资源和规划局", "number": "建字第001号", "copies": 1}
]


def finish_item(case: Any, state: str = "approved") -> ProjectItem:
    w = case.world
    return Driver(w.officer_user, w.guide, w.applicant).to(case.item, state)


def complete_service(case: Any) -> Invitation:
    """Approve the item, then run the completion to its end; the service's invitation."""
    w = case.world
    if ProjectItem.objects.get(pk=case.item.pk).is_open:
        finish_item(case)
    service_prepare_completion(actor=w.officer_user, project=case.project, lines=LINES)
    service_confirm_receipt(actor=w.applicant, project=case.project)
    service_confirm_completion(actor=w.center_admin, project=case.project)
    return Invitation.objects.get(project=case.project, kind=SubjectKind.SERVICE)


def terminate_service(case: Any) -> Invitation:
    w = case.world
    service_request_termination(
        actor=w.applicant, project=case.project, reason="enterprise_request", note="投资计划调整"
    )
    service_confirm_termination(actor=w.center_admin, project=case.project)
    return Invitation.objects.get(project=case.project, kind=SubjectKind.SERVICE)
