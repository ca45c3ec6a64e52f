"""Enterprise self-registration and its named project lead and handler (Art. 9(1))."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.codes import validate_uscc
from liaison.core.errors import Conflict, DomainError, NotFound, PermissionDenied
from liaison.directory.models import Enterprise, User
from liaison.directory.roles import Role
from liaison.directory.services.enterprises import enterprise_create
from liaison.directory.services.passwords import password_problems
from liaison.directory.services.throttle import REGISTRATIONS, throttle_check, throttle_hit
from liaison.directory.services.users import user_create
from liaison.intake.messages import render_message
from liaison.intake.models import ContactRole, EnterpriseContact
from liaison.intake.policies import READ_ALL_ROLES
from liaison.notifications.services.notify import notification_send

MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")


def _check_mobile(value: str, field: str) -> str:
    value = (value or "").strip().replace(" ", "").replace("-", "")
    if not MOBILE_RE.match(value):
        raise DomainError(_("手机号码应为11位中国大陆手机号。"), field=field)
    return value


def _check_name(value: str, field: str, label: str, max_length: int = 50) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError(_("请填写%(label)s。") % {"label": label}, field=field)
    if len(value) > max_length:
        raise DomainError(
            _("%(label)s不能超过 %(n)d 个字。") % {"label": label, "n": max_length}, field=field
        )
    return value


def _check_email(value: str, field: str = "email") -> str:
    value = (value or "").strip()
    if not value:
        return ""
    try:
        validate_email(value)
    except ValidationError as exc:
        raise DomainError(_("电子邮箱格式不正确。"), field=field) from exc
    return value


def _check_username(value: str) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError(_("请填写登录账号。"), field="username")
    try:
        User.username_validator(value)
    except ValidationError as exc:
        raise DomainError(_("登录账号只能包含字母、数字和 @ . + - _ 字符。"), field="username") from exc
    if len(value) > 150:
        raise DomainError(_("登录账号不能超过150个字符。"), field="username")
    return value


def enterprise_register(
    *,
    name: str,
    uscc: str,
    address: str,
    legal_representative: str,
    username: str,
    password: str,
    email: str,
    lead_name: str,
    lead_mobile: str,
    handler_name: str,
    handler_mobile: str,
) -> User:
    """Self-registration: the enterprise, its first applicant account, and its lead and handler."""
    _check_name(name, "name", _("单位名称"), max_length=200)
    try:
        uscc = validate_uscc(uscc)
    except ValidationError as exc:
        raise DomainError(exc.messages[0], field="uscc") from exc
    _check_name(address, "address", _("单位地址"), max_length=200)
    _check_name(legal_representative, "legal_representative", _("法定代表人"))
    lead = (
        _check_name(lead_name, "lead_name", _("项目负责人姓名")),
        _check_mobile(lead_mobile, "lead_mobile"),
    )
    handler = (
        _check_name(handler_name, "handler_name", _("项目经办人姓名")),
        _check_mobile(handler_mobile, "handler_mobile"),
    )
    username = _check_username(username)
    email = _check_email(email)
    probe = User(username=username, email=email, full_name=handler[0])
    try:
        validate_password(password or "", probe)
    except ValidationError as exc:
        raise DomainError(password_problems(exc), field="password") from exc
    try:
        return _register(
            name=name,
            uscc=uscc,
            address=address,
            legal_representative=legal_representative,
            username=username,
            password=password,
            email=email,
            lead=lead,
            handler=handler,
        )
    except IntegrityError as exc:  # the same code or account registered at the same moment
        raise Conflict(_("该统一社会信用代码或登录账号刚被注册，请核对后重试。")) from exc


def enterprise_self_register(*, client_ip: str | None, **fields: str) -> User:
    """Public self-registration (page and API alike), at most five accounts an hour from one client address."""
    keys = [f"ip:{client_ip or 'unknown'}"]
    throttle_check(REGISTRATIONS, keys)
    user = enterprise_register(**fields)
    throttle_hit(REGISTRATIONS, keys)
    return user


def _register(
    *,
    name: str,
    uscc: str,
    address: str,
    legal_representative: str,
    username: str,
    password: str,
    email: str,
    lead: tuple[str, str],
    handler: tuple[str, str],
) -> User:
    with transaction.atomic():
        enterprise = enterprise_create(
            actor=None, name=name, uscc=uscc, address=address, legal_representative=legal_representative
        )
        user = user_create(
            actor=None,
            username=username,
            password=password,
            full_name=handler[0],
            roles=[Role.APPLICANT],
            enterprise=enterprise,
            mobile=handler[1],
            email=email,
            post=str(ContactRole.HANDLER.label),
        )
        today = timezone.localdate()
        for role, (person, mobile) in ((ContactRole.LEAD, lead), (ContactRole.HANDLER, handler)):
            EnterpriseContact.objects.create(
                enterprise=enterprise, role=role, name=person, mobile=mobile, since=today, recorded_by=user
            )
        audit_record(
            actor=user,
            action="enterprise.register",
            obj=enterprise,
            after={"lead": lead[0], "handler": handler[0], "account": username},
            summary=_("项目单位自助注册"),
        )
    return user


def _authorize_contact_change(actor: Any, enterprise: Enterprise) -> None:
    if actor.has_role(Role.CENTER_ADMIN):
        return
    if actor.has_role(Role.APPLICANT) and actor.enterprise_id == enterprise.pk:
        return
    if actor.has_role(*READ_ALL_ROLES):
        raise PermissionDenied(_("只有本单位或中心工作人员可以变更联系人。"))
    raise NotFound(_("项目单位不存在或您无权查看。"))


def enterprise_contact_change(
    *,
    actor: Any,
    enterprise: Enterprise,
    role: str,
    name: str,
    mobile: str,
    email: str = "",
    since: dt.date | None = None,
) -> EnterpriseContact:
    """Replace the lead or the handler from a date; history is kept and assigned officers are told."""
    _authorize_contact_change(actor, enterprise)
    if role not in ContactRole.values:
        raise DomainError(_("联系人角色无效。"), field="role")
    person = _check_name(name, "name", _("姓名"))
    phone = _check_mobile(mobile, "mobile")
    email = _check_email(email)
    today = timezone.localdate()
    start = since or today
    if start > today:
        raise DomainError(_("变更日期不能晚于今天（变更后再登记）。"), field="since")
    with transaction.atomic():
        Enterprise.objects.select_for_update().get(pk=enterprise.pk)
        current = EnterpriseContact.objects.filter(enterprise=enterprise, role=role, is_current=True).first()
        if current is not None:
            if (current.name, current.mobile, current.email) == (person, phone, email):
                raise DomainError(_("联系人信息没有变化。"), field="name")
            if start < current.since:
                raise DomainError(
                    _("变更日期不能早于现任联系人的起始日期 %(d)s。") % {"d": current.since}, field="since"
                )
            current.is_current, current.until = False, start
            current.save(update_fields=["is_current", "until"])
        contact = EnterpriseContact.objects.create(
            enterprise=enterprise,
            role=role,
            name=person,
            mobile=phone,
            email=email,
            since=start,
            recorded_by=actor,
        )
        audit_record(
            actor=actor,
            action="enterprise.contact_change",
            obj=enterprise,
            before={
                "role": role,
                "name": current.name if current else None,
                "mobile": current.mobile if current else None,
            },
            after={"role": role, "name": person, "mobile": phone, "since": start},
            summary=_("变更%(role)s为 %(name)s") % {"role": contact.get_role_display(), "name": person},
        )
        officers = User.objects.filter(
            officer__assignments__project__enterprise=enterprise, officer__assignments__is_active=True
        ).distinct()
        title, body = render_message(
            "contact.changed",
            enterprise=enterprise.name,
            role=contact.get_role_display(),
            name=person,
            mobile=phone,
            since=start.isoformat(),
        )
        notification_send(
            recipients=list(officers),
            kind="contact.changed",
            event_key=f"contact.changed:{contact.pk}",
            title=title,
            body=body,
        )
    return contact
