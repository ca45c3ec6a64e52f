"""What every supervision page does with an action: run the service, say what happened, 404 the hidden."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.utils.translation import gettext as _

from liaison.core.errors import DomainError, NotFound


def run_action(request: HttpRequest, action: Callable[[], Any], *, done: str | Callable[[Any], str]) -> Any:
    """Run `action`; on success redirect to `done` with a message, on a refusal return None (the page
    re-renders with status 400 and the message); a hidden object answers 404."""
    try:
        result = action()
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc
    except DomainError as exc:
        messages.error(request, str(exc.message))
        return None
    messages.success(request, _("已办理。"))
    return HttpResponseRedirect(done(result) if callable(done) else done)


def get_or_404(fn: Callable[[], Any]) -> Any:
    try:
        return fn()
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc
