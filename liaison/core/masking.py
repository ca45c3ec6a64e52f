"""Masking of personal data for roles that do not need the full value."""

from __future__ import annotations

from liaison.core.personal_data import note_unmasked


def mask_phone(value: str | None) -> str:
    """`13812341234` -> `138****1234`; office numbers keep the area code and the last four digits."""
    if not value:
        return ""
    digits = value.strip()
    if len(digits) <= 4:
        return "*" * len(digits)
    if len(digits) == 11 and digits.isdigit():
        return f"{digits[:3]}****{digits[-4:]}"
    return f"{digits[: max(len(digits) - 8, 0)]}{'*' * min(4, len(digits) - 4)}{digits[-4:]}"


def mask_id_number(value: str | None) -> str:
    """`530102199001011234` -> `530102********1234`."""
    if not value:
        return ""
    value = value.strip()
    if len(value) <= 10:
        return "*" * len(value)
    return f"{value[:6]}{'*' * (len(value) - 10)}{value[-4:]}"


def phone_as(value: str | None, *, full: bool) -> str:
    """The phone in full (the showing is noted for the personal-data access log) or masked."""
    if not value:
        return ""
    masked = mask_phone(value)
    if not full:
        return masked
    note_unmasked("phone", masked)
    return value
