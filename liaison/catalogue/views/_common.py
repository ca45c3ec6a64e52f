"""Helpers shared by the catalogue's HTML views."""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

from django import forms
from django.http import Http404, HttpRequest

from liaison.core.errors import DomainError, NotFound
from liaison.directory.models import User


def add_domain_error(form: forms.Form, exc: DomainError, field_map: Mapping[str, str] | None = None) -> None:
    """Show a service's refusal on the form: on its field when the form has it, else on top."""
    field = (field_map or {}).get(exc.field or "", exc.field)
    form.add_error(field if field in form.fields else None, str(exc.message))


def not_found(exc: NotFound) -> Http404:
    return Http404(str(exc.message))


def actor_of(request: HttpRequest) -> User:
    """The signed-in user (views using this are behind login_required)."""
    return cast(User, request.user)
