"""How every page shows a deadline's light and a missing calendar year: the same badge, the same words."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from liaison.deadlines.calendar_policy import calendar_problem
from liaison.deadlines.lights import BADGES, LIGHT_LABELS, Light

register = template.Library()


@register.simple_tag
def deadline_light(
    light: str | None, label: Any = "", problem: str = "", problem_year: int | None = None
) -> SafeString:
    """A light as a badge (`label` overrides the engine's word). A "calendar missing" light carries the
    missing year's message as its tooltip and for screen readers, never as a paragraph in the cell.
    Built in Python rather than from an included template: lists show one per row."""
    light = light or Light.NONE
    if light == Light.UNKNOWN and not problem:
        problem = calendar_problem(problem_year) or _(
            "所需年份的节假日安排尚未录入工作日历，无法计算工作日。"
        )
    label = label or LIGHT_LABELS.get(light, "")
    badge = BADGES.get(light, "")
    if not badge:
        return format_html(
            '<span class="text-muted small" data-testid="light" data-light="{}">{}</span>',
            light,
            label or "—",
        )
    problem = problem if light == Light.UNKNOWN else ""
    if problem:
        return format_html(
            '<span class="badge deadline-light {} text-nowrap" data-testid="light" data-light="{}" title="{}"'
            ' tabindex="0"><span class="light light-{}" aria-hidden="true"></span> {}'
            '<span class="visually-hidden">{}</span></span>',
            badge,
            light,
            problem,
            light,
            label,
            problem,
        )
    return format_html(
        '<span class="badge deadline-light {} text-nowrap" data-testid="light" data-light="{}">'
        '<span class="light light-{}" aria-hidden="true"></span> {}</span>',
        badge,
        light,
        light,
        label,
    )


@register.inclusion_tag("deadlines/includes/calendar_missing.html")
def calendar_missing_banner(year: int | None) -> dict[str, Any]:
    """The page-level warning when some deadline depends on a year the calendar lacks."""
    return {"year": year, "message": calendar_problem(year)}
