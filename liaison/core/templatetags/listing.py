"""`{% sort_th "due" _("期限") %}`: a list's column header that sorts by its key (liaison.core.listing)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from liaison.core.listing import sort_link

register = template.Library()
ARROWS = {"ascending": "bi-caret-up-fill", "descending": "bi-caret-down-fill", "none": "bi-chevron-expand"}


@register.simple_tag(takes_context=True)
def sort_th(context: Any, key: str, label: Any, css: str = "") -> str:
    url, state = sort_link(context["request"], key)
    hint = _("按%(label)s降序排列") if state == "ascending" else _("按%(label)s升序排列")
    return format_html(
        '<th scope="col" class="text-nowrap {}" aria-sort="{}"><a class="text-reset text-decoration-none" '
        'href="{}" title="{}" data-testid="sort-{}">{} <i class="bi {} small text-muted" aria-hidden="true">'
        "</i></a></th>",
        css,
        state,
        url,
        hint % {"label": label},
        key,
        label,
        ARROWS[state],
    )
