"""How an asker can be replied to: a mainland mobile or landline number, or an email address."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from liaison.core.errors import DomainError

PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$")


def phone_clean(value: object) -> str:
    phone = re.sub(r"[\s]", "", str(value or ""))
    if phone and not PHONE.match(phone):
        raise DomainError(_("电话号码格式不正确（手机号 11 位，座机如 0871-12345678）。"), field="phone")
    return phone


def email_clean(value: object) -> str:
    email = str(value or "").strip()
    if len(email) > 120:
        raise DomainError(_("电子邮箱过长。"), field="email")
    if email:
        try:
            validate_email(email)
        except ValidationError as exc:
            raise DomainError(_("电子邮箱格式不正确。"), field="email") from exc
    return email


def contacts_clean(phone: object, email: object) -> tuple[str, str]:
    """Both cleaned; at least one of them is required."""
    phone_text, email_text = phone_clean(phone), email_clean(email)
    if not phone_text and not email_text:
        raise DomainError(_("请至少填写电话或电子邮箱中的一项，以便答复您。"), field="phone")
    return phone_text, email_text
