"""Helpers shared by the officer pages: domain errors shown as HTTP answers or form errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied as HttpForbidden
from django.http import Http404, HttpRequest

from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.officers.models import Officer
from liaison.officers.selectors.officer import access_officer
from liaison.officers.services.guard import authorize


def raise_http(exc: DomainError) -> None:
    """Turn a 'not found' or 'not allowed' domain error into Django's 404 or 403."""
    if isinstance(exc, NotFound):
        raise Http404(str(exc.message)) from exc
    if isinstance(exc, PermissionDenied):
        raise HttpForbidden(str(exc.message)) from exc


def officer_or_404(request: HttpRequest, pk: int) -> Officer:
    try:
        return access_officer(request.user, pk)
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc


def require(request: HttpRequest, predicate: Callable[[Any, Any], bool], officer: Officer) -> None:
    """404 when the officer is hidden from the user, 403 when visible but not theirs to change."""
    try:
        authorize(request.user, predicate, officer)
    except DomainError as exc:
        raise_http(exc)
        raise


def show_error(form: forms.Form, exc: DomainError) -> None:
    """Put the service's message on the field it names, or on the form as a whole."""
    field = exc.field if exc.field in form.fields else None
    form.add_error(field, str(exc.message))
