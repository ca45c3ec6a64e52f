"""Small helpers the publicity services share."""

from __future__ import annotations

from django.utils.translation import gettext as _

from liaison.core.errors import DomainError


def required_text(value: object, *, field: str, label: str, max_length: int) -> str:
    """`value` stripped; a DomainError naming `label` if it is empty or too long."""
    text = str(value or "").strip()
    if not text:
        raise DomainError(_("请填写%(f)s。") % {"f": label}, field=field)
    if len(text) > max_length:
        raise DomainError(_("%(f)s不能超过 %(n)d 个字。") % {"f": label, "n": max_length}, field=field)
    return text


def optional_text(value: object, *, field: str, label: str, max_length: int) -> str:
    text = str(value or "").strip()
    if len(text) > max_length:
        raise DomainError(_("%(f)s不能超过 %(n)d 个字。") % {"f": label, "n": max_length}, field=field)
    return text
