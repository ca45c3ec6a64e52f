"""Template context from the directory: the demo banner while staff sign in without a second factor."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from liaison.directory.services.second_factor import second_factor_applies, second_factor_required


def second_factor(request: HttpRequest) -> dict[str, Any]:
    """`second_factor_off`: true on a signed-in staff page of the DEBUG demo, where the factor is not asked;
    `second_factor_own`: the user menu links to their own second-factor page (staff)."""
    off = bool(settings.DEBUG) and not second_factor_required()
    staff = second_factor_applies(getattr(request, "user", None))
    return {"second_factor_off": off and staff, "second_factor_own": staff}
