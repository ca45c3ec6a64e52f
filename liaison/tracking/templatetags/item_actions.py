"""`{% item_actions row %}`: the buttons and forms of a project item's allowed steps, built in Python.

An item list shows, per row, one form per allowed step (a CSRF token, a comment field, the step's help);
rendered through an `{% include %}` per row this was about four tenths of the officer's 待办 page. The same
markup is built here (every value escaped; a step's texts kept per language); the messages are the template's own
msgids. The approval's result fields keep their template (`tracking/includes/result_fields.html`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from liaison.core.kept_texts import kept_per_language

register = template.Library()


def _csrf_input(context: template.Context) -> SafeString:
    token = context.get("csrf_token")
    if not token or str(token) == "NOTPROVIDED":
        return mark_safe("")
    return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token)


@dataclass(frozen=True)
class _Texts:
    """A step's texts in one language, escaped: built once per process and language, not per row."""

    step: Any  # the workflow's Transition (a module constant)
    name: str
    label: str
    help: str
    submit: str


def _texts_of(t: Any) -> _Texts:
    return _Texts(
        t,
        str(escape(t.name)),
        str(escape(str(t.label))),
        str(escape(str(t.help))) if t.help else "",
        str(escape(_("确认%(label)s") % {"label": t.label})),
    )


def _help(x: _Texts, pk: int) -> str:
    if not x.help:
        return ""
    return f'<p class="small text-muted mb-1" data-testid="help-{x.name}-{pk}">{x.help}</p>'


def _supplement(x: _Texts, item: Any, action: str, csrf: str, next_url: str) -> str:
    pk = item.pk
    missing = escape(_("需要补正的内容（每行一项，一次性告知）"))
    due, submit = escape(_("补正期限（可不填）")), escape(_("要求补正"))
    return (
        f'\n<details class="d-inline-block me-1" data-testid="supplement-{pk}"><summary class="btn btn-sm '
        f'btn-outline-warning" title="{x.help}">{x.label}</summary>\n'
        f'  <form method="post" action="{action}" class="border rounded p-2 mt-1 bg-light" style="min-width:18rem">'
        f"{csrf}\n    {_help(x, pk)}\n"
        '    <input type="hidden" name="name" value="request_supplement"><input type="hidden" name="next" '
        f'value="{next_url}">\n'
        f'    <label class="form-label small">{missing}</label>\n'
        '    <textarea name="missing" rows="3" class="form-control form-control-sm mb-1" '
        'data-testid="supplement-missing"></textarea>\n'
        f'    <label class="form-label small">{due}</label>\n'
        '    <input type="date" name="due_on" class="form-control form-control-sm mb-1">\n'
        f'    <button class="btn btn-sm btn-warning" type="submit" data-testid="do-request_supplement">{submit}'
        "</button>\n  </form>\n</details>\n"
    )


def _step(x: _Texts, item: Any, action: str, csrf: str, next_url: str) -> str:
    approve = x.step.name == "approve"
    result_fields = (
        render_to_string(
            "tracking/includes/result_fields.html",
            {
                "item_pk": item.pk,
                "result_item": None,
                "result_department": item.approval_item.department.name,
            },
        )
        if approve
        else ""
    )
    pk, name = item.pk, x.name
    enctype = ' enctype="multipart/form-data"' if approve else ""
    comment = escape(_("说明或理由"))
    return (
        '\n<details class="d-inline-block me-1"><summary class="btn btn-sm btn-outline-primary" '
        f'data-testid="open-{name}-{pk}" title="{x.help}">{x.label}</summary>\n'
        f'  <form method="post" action="{action}" class="border rounded p-2 mt-1 bg-light" style="min-width:16rem"'
        f"{enctype}>{csrf}\n    {_help(x, pk)}\n"
        f'    <input type="hidden" name="name" value="{name}"><input type="hidden" name="next" value="{next_url}">\n'
        f"    {result_fields}\n"
        f'    <input type="text" name="comment" class="form-control form-control-sm mb-1" placeholder="{comment}">\n'
        f'    <button class="btn btn-sm btn-primary" type="submit" data-testid="do-{name}-{pk}">{x.submit}</button>\n'
        "  </form>\n</details>\n"
    )


@register.simple_tag(takes_context=True)
def item_actions(context: template.Context, row: Any) -> SafeString:
    if not row.actions:
        return mark_safe("")
    item, csrf = row.item, str(_csrf_input(context))
    next_url = str(escape(str(context.get("next") or "")))
    action = str(escape(reverse("tracking:item_transition", args=[item.pk])))
    language = get_language() or ""
    parts = [
        (_supplement if t.name == "request_supplement" else _step)(
            kept_per_language(t, _texts_of, language), item, action, csrf, next_url
        )
        for t in row.actions
    ]
    return mark_safe("".join(parts))  # noqa: S308 - every value is escaped above (pk is an integer)
