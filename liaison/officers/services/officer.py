"""Registering (登记备案, Art. 6) and editing liaison officers."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record, snapshot
from liaison.core.errors import Conflict, DomainError, PermissionDenied
from liaison.directory.models import User
from liaison.directory.roles import Role
from liaison.directory.services.passwords import password_problems, password_set_initial
from liaison.directory.services.roles import role_grant
from liaison.notifications.services.notify import notification_send
from liaison.officers.models import Officer, OfficerRecordEntry, OfficerRecordKind
from liaison.officers.policies import can_register_officer, can_update_officer
from liaison.officers.services.guard import authorize
from liaison.officers.services.numbering import officer_number_next
from liaison.officers.validation import (
    clean_email,
    clean_mobile,
    clean_number_format,
    clean_optional,
    clean_required,
)

OFFICER_FIELDS = ("number", "unit", "status", "status_reason", "registered_on", "notes")
ACCOUNT_FIELDS = ("username", "full_name", "mobile", "email")
EDITABLE_FIELDS = frozenset({"number", "unit", "registered_on", "notes", "full_name", "mobile", "email"})


def _state(officer: Officer) -> dict[str, Any]:
    return {**snapshot(officer, OFFICER_FIELDS), **snapshot(officer.user, ACCOUNT_FIELDS)}


def _clean_username(value: str | None) -> str:
    username = (value or "").strip()
    if not username:
        raise DomainError(_("请填写登录账号。"), field="username")
    if len(username) > 150:
        raise DomainError(_("登录账号不能超过150个字符。"), field="username")
    try:
        User.username_validator(username)
    except ValidationError as exc:
        raise DomainError(_("登录账号只能包含字母、数字和 @ . + - _ 字符。"), field="username") from exc
    return username


def _clean_registered_on(value: datetime.date | None) -> datetime.date:
    today = timezone.localdate()
    if value is None:
        return today
    if value > today:
        raise DomainError(_("登记备案日期不能晚于今天。"), field="registered_on")
    return value


def _ensure_number_free(number: str, *, exclude_pk: int | None = None) -> None:
    others = Officer.objects.filter(number=number)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    taken = others.first()
    if taken is not None:
        raise DomainError(
            _("联络官编号“%(number)s”已被 %(name)s 使用。") % {"number": number, "name": taken.user},
            field="number",
        )


def _ensure_mobile_free(mobile: str, *, user: User) -> None:
    other = Officer.objects.filter(user__mobile=mobile).exclude(user=user).select_related("user").first()
    if other is not None:
        raise DomainError(
            _("手机号码已登记在联络官 %(name)s（%(number)s）名下。")
            % {"name": other.user, "number": other.number},
            field="mobile",
        )


def _account_for(
    *, username: str, full_name: str, mobile: str, email: str, password: str | None
) -> tuple[User, bool]:
    """The existing account (refreshed with the registered name and mobile), or a new one."""
    user = User.objects.select_for_update().filter(username=username).first()
    if user is None:
        try:
            with transaction.atomic():
                user = User.objects.create_user(
                    username=username, password=None, full_name=full_name, mobile=mobile, email=email
                )
                if password:  # the centre sets it: the officer changes it at the first sign-in
                    password_set_initial(user, password)
        except IntegrityError as exc:
            raise Conflict(_("登录账号“%(u)s”刚被他人占用，请刷新后重试。") % {"u": username}) from exc
        return user, True
    existing = Officer.objects.filter(user=user).first()
    if existing is not None:
        raise DomainError(
            _("账号“%(u)s”已登记为联络官（编号 %(number)s）。") % {"u": username, "number": existing.number},
            field="username",
        )
    if not user.is_active:
        raise DomainError(_("账号“%(u)s”已停用，不能登记为联络官。") % {"u": username}, field="username")
    user.full_name, user.mobile = full_name, mobile
    user.email = email or user.email
    user.save(update_fields=["full_name", "mobile", "email"])
    return user, False


def officer_register(
    *,
    actor: Any,
    username: str,
    full_name: str,
    mobile: str,
    unit: str,
    number: str | None = None,
    registered_on: datetime.date | None = None,
    email: str = "",
    notes: str = "",
    password: str | None = None,
) -> Officer:
    """Register a liaison officer, creating the login account or attaching an existing one."""
    if not can_register_officer(actor):
        raise PermissionDenied(_("只有政务服务中心工作人员可以登记联络官。"))
    username = _clean_username(username)
    full_name = clean_required(full_name, field="full_name", label=_("姓名"), max_length=50)
    mobile = clean_mobile(mobile)
    unit = clean_required(unit, field="unit", label=_("工作单位"), max_length=100)
    email = clean_email(email)
    notes = clean_optional(notes, field="notes", label=_("备注"), max_length=2000)
    registered_on = _clean_registered_on(registered_on)
    manual_number = clean_number_format(number) if (number or "").strip() else None
    if password:
        try:
            validate_password(password)
        except ValidationError as exc:
            raise DomainError(password_problems(exc), field="password") from exc

    with transaction.atomic():
        user, created = _account_for(
            username=username, full_name=full_name, mobile=mobile, email=email, password=password or None
        )
        _ensure_mobile_free(mobile, user=user)
        if manual_number:
            _ensure_number_free(manual_number)
        officer_number = manual_number or officer_number_next(year=registered_on.year)
        try:
            with transaction.atomic():
                officer = Officer.objects.create(
                    user=user, number=officer_number, unit=unit, registered_on=registered_on, notes=notes
                )
        except IntegrityError as exc:
            raise Conflict(_("联络官编号或账号刚被他人登记，请刷新后重试。")) from exc
        role_grant(user=user, roles=[Role.OFFICER])
        OfficerRecordEntry.objects.create(
            officer=officer,
            kind=OfficerRecordKind.REGISTERED,
            date=registered_on,
            text=_("登记备案为政务服务联络官，编号 %(number)s，工作单位：%(unit)s。")
            % {"number": officer_number, "unit": unit},
            recorded_by=actor,
        )
        audit_record(
            actor=actor,
            action="officer.register",
            obj=officer,
            after=_state(officer),
            summary=_("登记联络官 %(name)s（%(number)s）") % {"name": full_name, "number": officer_number},
            extra={"account_created": created},
        )
        notification_send(
            recipients=[user],
            kind="officer.registered",
            event_key=f"officer.registered.{officer.pk}",
            title=_("您已登记备案为政务服务联络官"),
            body=_("联络官编号：%(number)s；工作单位：%(unit)s。") % {"number": officer_number, "unit": unit},
            url=reverse("officers:officer_detail", args=[officer.pk]),
        )
    return officer


def _clean_update(field: str, value: Any) -> Any:  # noqa: PLR0911 - one branch per editable field
    if field == "number":
        return clean_number_format(value)
    if field == "unit":
        return clean_required(value, field="unit", label=_("工作单位"), max_length=100)
    if field == "registered_on":
        if value is None:
            raise DomainError(_("请填写登记备案日期。"), field="registered_on")
        return _clean_registered_on(value)
    if field == "notes":
        return clean_optional(value, field="notes", label=_("备注"), max_length=2000)
    if field == "full_name":
        return clean_required(value, field="full_name", label=_("姓名"), max_length=50)
    if field == "mobile":
        return clean_mobile(value)
    return clean_email(value)


def officer_update(*, actor: Any, officer: Officer, **fields: Any) -> Officer:
    """Correct an officer's registration data; status changes go through suspend/reinstate."""
    authorize(actor, can_update_officer, officer)
    if "status" in fields or "status_reason" in fields:
        raise DomainError(_("状态请通过“暂停派任”或“恢复派任”办理。"), field="status")
    unknown = sorted(set(fields) - EDITABLE_FIELDS)
    if unknown:
        raise DomainError(_("不能修改以下字段：%(f)s。") % {"f": "、".join(unknown)}, field=unknown[0])
    cleaned = {name: _clean_update(name, value) for name, value in fields.items()}

    with transaction.atomic():
        locked = Officer.objects.select_for_update().select_related("user").get(pk=officer.pk)
        before = _state(locked)
        if "number" in cleaned and cleaned["number"] != locked.number:
            _ensure_number_free(cleaned["number"], exclude_pk=locked.pk)
        if "mobile" in cleaned:
            _ensure_mobile_free(cleaned["mobile"], user=locked.user)
        for name in ("number", "unit", "registered_on", "notes"):
            if name in cleaned:
                setattr(locked, name, cleaned[name])
        for name in ("full_name", "mobile", "email"):
            if name in cleaned:
                setattr(locked.user, name, cleaned[name])
        after = _state(locked)
        if after == before:
            return locked
        try:
            with transaction.atomic():
                locked.save()
                locked.user.save(update_fields=["full_name", "mobile", "email"])
        except IntegrityError as exc:
            raise Conflict(_("联络官编号刚被他人使用，请刷新后重试。")) from exc
        audit_record(
            actor=actor,
            action="officer.update",
            obj=locked,
            before=before,
            after=after,
            summary=_("修改联络官 %(name)s（%(number)s）的登记信息")
            % {"name": locked.user, "number": locked.number},
        )
    return locked
