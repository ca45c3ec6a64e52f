"""Helpers shared by the consultation pages: access as 404, service refusals on fields or as messages."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.urls import reverse

from liaison.consultations.lights import LIGHT_LABELS, Light
from liaison.consultations.models import Consultation
from liaison.consultations.selectors.consultations import (
    ConsultationDetail,
    consultation_detail,
    consultation_get,
)
from liaison.core.errors import DomainError, NotFound
from liaison.tracking.views.common import actor_of, flash_error, flash_form_errors, run

__all__ = [
    "actor_of",
    "annotate_lights",
    "consultation_or_404",
    "detail_or_404",
    "flash_error",
    "flash_form_errors",
    "form_error",
    "run",
    "to_detail",
]

LIGHT_BADGES = {
    Light.RED: "text-bg-danger",
    Light.YELLOW: "text-bg-warning",
    Light.GREEN: "text-bg-success",
    Light.UNKNOWN: "text-bg-secondary",
}


def consultation_or_404(request: HttpRequest, pk: int) -> Consultation:
    try:
        return consultation_get(actor_of(request), pk)
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc


def detail_or_404(request: HttpRequest, pk: int) -> ConsultationDetail:
    try:
        return consultation_detail(actor_of(request), pk)
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc


def annotate_lights(rows: Iterable[Any]) -> None:
    """Each row's light as a label and a badge class (rows come from a selector annotating `light`)."""
    for row in rows:
        light = getattr(row, "light", Light.NONE)
        row.light_label = LIGHT_LABELS.get(light, "") if light in LIGHT_BADGES else ""
        row.light_badge = LIGHT_BADGES.get(light, "")


def form_error(form: forms.Form, exc: DomainError) -> None:
    """A service's refusal on the field it names when the form has it, else on top of the form."""
    if isinstance(exc, NotFound):
        raise Http404(str(exc.message)) from exc
    field = exc.field if exc.field in form.fields else None
    form.add_error(field, str(exc.message))


def to_detail(pk: int, anchor: str = "") -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("consultations:detail", args=[pk]) + (f"#{anchor}" if anchor else ""))
