"""What publicity's pages do with a service call: a refusal becomes the form's error (by field), a hidden
object a 404."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.http import Http404

from liaison.core.errors import DomainError, NotFound


def get_or_404(fn: Callable[[], Any]) -> Any:
    try:
        return fn()
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc


def attempt(form: forms.Form, fn: Callable[[], Any]) -> Any:
    """Run `fn`; on a refusal put its message on the form (beside its field when it names one) and
    return None."""
    try:
        return fn()
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc
    except DomainError as exc:
        field = exc.field if exc.field in form.fields else None
        form.add_error(field, str(exc.message))
        if field:
            form.fields[field].widget.attrs.update(
                {"aria-invalid": "true", "aria-describedby": f"{field}-error"}
            )
        return None
