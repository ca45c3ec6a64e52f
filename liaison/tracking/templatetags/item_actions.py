"""`{% item_actions row %}`: the buttons and forms of a project item's allowed steps, built in Python.

An item list shows, per row, one form per allowed step (a CSRF token, a comment field, the step's help);
rendered through an `{% include %}` per row this was about four tenths of the officer's 待办 page. The same
markup is built here with `format_html` (every value escaped); the messages are the template's own
msgids. The approval's result fields keep their template (`tracking/includes/result_fields.html`).
"""

from __future__ import annotations

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

register = template.Library()


def _csrf_input(context: template.Context) -> SafeString:
    token = context.get("csrf_token")
    if not token or str(token) == "NOTPROVIDED":
        return mark_safe("")
    return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token)


def _help(t: Any, pk: int) -> SafeString:
    if not t.help:
        return mark_safe("")
    return format_html('<p class="small text-muted mb-1" data-testid="help-{}-{}">{}</p>', t.name, pk, t.help)


def _supplement(t: Any, item: Any, action: str, csrf: SafeString, next_url: str) -> SafeString:
    return format_html(
        '\n<details class="d-inline-block me-1" data-testid="supplement-{pk}"><summary class="btn btn-sm '
        'btn-outline-warning" title="{help}">{label}</summary>\n'
        '  <form method="post" action="{action}" class="border rounded p-2 mt-1 bg-light" style="min-width:18rem">'
        "{csrf}\n    {help_p}\n"
        '    <input type="hidden" name="name" value="request_supplement"><input type="hidden" name="next" '
        'value="{next}">\n'
        '    <label class="form-label small">{missing}</label>\n'
        '    <textarea name="missing" rows="3" class="form-control form-control-sm mb-1" '
        'data-testid="supplement-missing"></textarea>\n'
        '    <label class="form-label small">{due}</label>\n'
        '    <input type="date" name="due_on" class="form-control form-control-sm mb-1">\n'
        '    <button class="btn btn-sm btn-warning" type="submit" data-testid="do-request_supplement">{submit}'
        "</button>\n  </form>\n</details>\n",
        pk=item.pk,
        help=t.help,
        label=t.label,
        action=action,
        csrf=csrf,
        help_p=_help(t, item.pk),
        next=next_url,
        missing=_("需要补正的内容（每行一项，一次性告知）"),
        due=_("补正期限（可不填）"),
        submit=_("要求补正"),
    )


def _step(t: Any, item: Any, action: str, csrf: SafeString, next_url: str) -> SafeString:
    approve = t.name == "approve"
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
    return format_html(
        '\n<details class="d-inline-block me-1"><summary class="btn btn-sm btn-outline-primary" '
        'data-testid="open-{name}-{pk}" title="{help}">{label}</summary>\n'
        '  <form method="post" action="{action}" class="border rounded p-2 mt-1 bg-light" style="min-width:16rem"'
        "{enctype}>{csrf}\n    {help_p}\n"
        '    <input type="hidden" name="name" value="{name}"><input type="hidden" name="next" value="{next}">\n'
        "    {result_fields}\n"
        '    <input type="text" name="comment" class="form-control form-control-sm mb-1" placeholder="{comment}">\n'
        '    <button class="btn btn-sm btn-primary" type="submit" data-testid="do-{name}-{pk}">{submit}</button>\n'
        "  </form>\n</details>\n",
        name=t.name,
        pk=item.pk,
        help=t.help,
        label=t.label,
        action=action,
        enctype=mark_safe(' enctype="multipart/form-data"') if approve else "",
        csrf=csrf,
        help_p=_help(t, item.pk),
        next=next_url,
        result_fields=mark_safe(result_fields),  # noqa: S308  (rendered by the template engine, escaped there)
        comment=_("说明或理由"),
        submit=_("确认%(label)s") % {"label": t.label},
    )


@register.simple_tag(takes_context=True)
def item_actions(context: template.Context, row: Any) -> SafeString:
    if not row.actions:
        return mark_safe("")
    item, csrf, next_url = row.item, _csrf_input(context), str(context.get("next") or "")
    action = reverse("tracking:item_transition", args=[item.pk])
    return format_html_join(
        "",
        "{}",
        (
            ((_supplement if t.name == "request_supplement" else _step)(t, item, action, csrf, next_url),)
            for t in row.actions
        ),
    )
