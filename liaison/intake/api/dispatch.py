"""/api/v1/intake/projects/{id}: suggestions, dispatch, reassignment and the two documents."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Router

from liaison.core.bounds import Id
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.intake.api.present import assignment_row
from liaison.intake.api.schemas import DispatchIn, OfficerAssignmentOut, ReassignIn, SuggestionOut
from liaison.intake.documents.render import assignment_order_docx, entrustment_agreement_docx
from liaison.intake.models import Project
from liaison.intake.policies import can_dispatch, sees_enterprise_contacts_in_full
from liaison.intake.selectors.projects import access_project
from liaison.intake.selectors.suggestions import officer_suggestions
from liaison.intake.services.dispatch import assignment_dispatch, assignment_reassign
from liaison.intake.views.documents import document_response
from liaison.officers.models import Officer

router = Router(tags=["intake"])


def _dispatchable(request: HttpRequest, project_id: int) -> Project:
    project = access_project(request.user, project_id)
    if not can_dispatch(request.user, project):
        raise PermissionDenied(_("只有中心工作人员可以派任联络官。"))
    return project


def _officers(lead_id: int, assistant_ids: list[int]) -> tuple[Officer, list[Officer]]:
    wanted = [lead_id, *assistant_ids]
    found = {o.pk: o for o in Officer.objects.select_related("user").filter(pk__in=wanted)}
    missing = [pk for pk in wanted if pk not in found]
    if missing:
        raise DomainError(
            _("联络官不存在：%(ids)s。") % {"ids": "、".join(str(pk) for pk in missing)},
            field="lead_id" if lead_id in missing else "assistant_ids",
        )
    return found[lead_id], [found[pk] for pk in assistant_ids]


@router.get(
    "/projects/{project_id}/suggestions",
    response=list[SuggestionOut],
    summary="Ranked officers, with reasons",
)
def suggestions(request: HttpRequest, project_id: Id) -> list[dict[str, Any]]:
    project = _dispatchable(request, project_id)
    return [
        {
            "officer_id": s.officer.pk,
            "number": s.officer.number,
            "name": s.officer.user.display_name,
            "open_projects": s.open_projects,
            "stage_experience": s.stage_experience,
            "department_experience": s.department_experience,
            "score": s.score,
            "reasons": s.reasons,
        }
        for s in officer_suggestions(project=project)
    ]


@router.post(
    "/projects/{project_id}/dispatch", response={201: list[OfficerAssignmentOut]}, summary="Dispatch officers"
)
def dispatch(request: HttpRequest, project_id: Id, payload: DispatchIn) -> tuple[int, list[dict[str, Any]]]:
    project = _dispatchable(request, project_id)
    lead, assistants = _officers(payload.lead_id, payload.assistant_ids)
    created = assignment_dispatch(actor=request.user, project=project, lead=lead, assistants=assistants)
    return 201, [assignment_row(a, full=True) for a in created]


@router.post(
    "/projects/{project_id}/reassign",
    response={201: list[OfficerAssignmentOut]},
    summary="Change the officers",
)
def reassign(request: HttpRequest, project_id: Id, payload: ReassignIn) -> tuple[int, list[dict[str, Any]]]:
    project = _dispatchable(request, project_id)
    lead, assistants = _officers(payload.lead_id, payload.assistant_ids)
    created = assignment_reassign(
        actor=request.user, project=project, lead=lead, assistants=assistants, reason=payload.reason
    )
    return 201, [assignment_row(a, full=True) for a in created]


def _document(
    request: HttpRequest, project_id: int, render: Callable[..., tuple[bytes, str]], fmt: str
) -> HttpResponse:
    project = access_project(request.user, project_id)
    if not sees_enterprise_contacts_in_full(request.user, project):
        raise NotFound(_("项目不存在。"))
    return document_response(project, render, fmt)


@router.get("/projects/{project_id}/assignment-order", summary="The assignment order (派任单) as .docx")
def order(request: HttpRequest, project_id: Id) -> HttpResponse:
    return _document(request, project_id, assignment_order_docx, "docx")


@router.get("/projects/{project_id}/assignment-order.docx", summary="The assignment order as .docx")
def order_docx(request: HttpRequest, project_id: Id) -> HttpResponse:
    return _document(request, project_id, assignment_order_docx, "docx")


@router.get("/projects/{project_id}/assignment-order.pdf", summary="The assignment order as PDF")
def order_pdf(request: HttpRequest, project_id: Id) -> HttpResponse:
    return _document(request, project_id, assignment_order_docx, "pdf")


@router.get("/projects/{project_id}/agreement", summary="The entrustment agreement as .docx")
def agreement(request: HttpRequest, project_id: Id) -> HttpResponse:
    return _document(request, project_id, entrustment_agreement_docx, "docx")


@router.get("/projects/{project_id}/agreement.docx", summary="The entrustment agreement as .docx")
def agreement_docx(request: HttpRequest, project_id: Id) -> HttpResponse:
    return _document(request, project_id, entrustment_agreement_docx, "docx")


@router.get("/projects/{project_id}/agreement.pdf", summary="The entrustment agreement as PDF")
def agreement_pdf(request: HttpRequest, project_id: Id) -> HttpResponse:
    return _document(request, project_id, entrustment_agreement_docx, "pdf")
