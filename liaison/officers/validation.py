"""Input checks shared by every officer service: each returns the clean value or raises DomainError."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from liaison.core.errors import DomainError

MOBILE_RE = re.compile(r"^1\d{10}$")
NUMBER_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]*$")
NUMBER_MAX = 20


def clean_mobile(value: str | None) -> str:
    """A mainland mobile number: 11 digits starting with 1 (spaces, hyphens and +86 are dropped)."""
    mobile = re.sub(r"[\s-]", "", value or "")
    if mobile.startswith("+86"):
        mobile = mobile[3:]
    if not mobile:
        raise DomainError(_("请填写手机号码。"), field="mobile")
    if not MOBILE_RE.match(mobile):
        raise DomainError(_("手机号码应为以1开头的11位数字，例如 13800001111。"), field="mobile")
    return mobile


def clean_required(value: str | None, *, field: str, label: str, max_length: int) -> str:
    text = (value or "").strip()
    if not text:
        raise DomainError(_("请填写%(label)s。") % {"label": label}, field=field)
    if len(text) > max_length:
        raise DomainError(
            _("%(label)s不能超过%(n)d个字符。") % {"label": label, "n": max_length}, field=field
        )
    return text


def clean_optional(value: str | None, *, field: str, label: str, max_length: int) -> str:
    text = (value or "").strip()
    if len(text) > max_length:
        raise DomainError(
            _("%(label)s不能超过%(n)d个字符。") % {"label": label, "n": max_length}, field=field
        )
    return text


def clean_email(value: str | None) -> str:
    email = (value or "").strip()
    if not email:
        return ""
    try:
        validate_email(email)
    except ValidationError as exc:
        raise DomainError(_("电子邮箱格式不正确。"), field="email") from exc
    return email


def clean_number_format(value: str | None) -> str:
    """An officer number typed by hand: letters, digits and hyphens, at most 20 characters."""
    number = (value or "").strip().upper()
    if not number:
        raise DomainError(_("请填写联络官编号，或留空由系统自动编号。"), field="number")
    if len(number) > NUMBER_MAX or not NUMBER_RE.match(number):
        raise DomainError(
            _("联络官编号只能由字母、数字和连字符组成，且不超过%(n)d位。") % {"n": NUMBER_MAX}, field="number"
        )
    return number
