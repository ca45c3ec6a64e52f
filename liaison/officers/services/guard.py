"""The one place services decide between 'not yours to see' (404) and 'not yours to do' (403)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from liaison.core.errors import NotFound, PermissionDenied
from liaison.officers.models import Officer
from liaison.officers.policies import can_view_officer


def authorize(actor: Any, predicate: Callable[[Any, Any], bool], officer: Officer) -> None:
    """Raise unless `predicate(actor, officer)`; an officer the actor may not see is 'not found'."""
    if predicate(actor, officer):
        return
    if not can_view_officer(actor, officer):
        raise NotFound(_("联络官不存在或您无权查看。"))
    raise PermissionDenied(_("您无权执行此操作，联络官登记备案由政务服务中心工作人员办理。"))
