"""Helpers shared by the tracking pages: access as 404, service refusals as messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest

from liaison.core.errors import Conflict, DomainError, NotFound
from liaison.directory.models import User
from liaison.intake.models import Project
from liaison.tracking.models import MaterialSubmission, ProjectItem
from liaison.tracking.selectors.items import access_project_item
from liaison.tracking.selectors.materials import access_material
from liaison.tracking.selectors.plans import access_plan_project


def actor_of(request: HttpRequest) -> User:
    """The signed-in user (every view using this is behind login_required)."""
    return cast(User, request.user)


def _or_404(fetch: Callable[[Any, int], Any], request: HttpRequest, pk: int) -> Any:
    try:
        return fetch(actor_of(request), pk)
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc


def project_or_404(request: HttpRequest, pk: int) -> Project:
    return cast(Project, _or_404(access_plan_project, request, pk))


def item_or_404(request: HttpRequest, pk: int) -> ProjectItem:
    return cast(ProjectItem, _or_404(access_project_item, request, pk))


def material_or_404(request: HttpRequest, pk: int) -> MaterialSubmission:
    return cast(MaterialSubmission, _or_404(access_material, request, pk))


def flash_error(request: HttpRequest, exc: DomainError) -> None:
    """A refused action as a message (a lost race as a warning); a hidden object as 404."""
    if isinstance(exc, NotFound):
        raise Http404(str(exc.message)) from exc
    if isinstance(exc, Conflict):
        messages.warning(request, str(exc.message))
    else:
        messages.error(request, str(exc.message))


def flash_form_errors(request: HttpRequest, form: forms.Form) -> None:
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, str(error))


def run(request: HttpRequest, action: Callable[[], Any], success: str) -> bool:
    """Call a service; show `success` or the service's refusal; whether it succeeded."""
    try:
        action()
    except DomainError as exc:
        flash_error(request, exc)
        return False
    messages.success(request, success)
    return True
