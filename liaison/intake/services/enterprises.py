"""Enterprise self-registration and its named project lead and handler (Art. 9(1))."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.errors import DomainError, PermissionDenied
from liaison.directory.models import Enterprise, User
from liaison.directory.roles import Role
from liaison.directory.services.enterprises import enterprise_create
from liaison.directory.services.users import user_create
from liaison.intake.messages import render_message
from liaison.intake.models import ContactRole, EnterpriseContact
from liaison.notifications.services.notify import notification_send

MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")


def _check_mobile(value: str, field: str) -> str:
    value = (value or "").strip().replace(" ", "").replace("-", "")
    if not MOBILE_RE.match(value):
        raise DomainError(_("手机号码应为11位中国大陆手机号。"), field=field)
    return value


def _check_name(value: str, field: str, label: str) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError(_("请填写%(label)s。") % {"label": label}, field=field)
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
    lead = (
        _check_name(lead_name, "lead_name", _("项目负责人姓名")),
        _check_mobile(lead_mobile, "lead_mobile"),
    )
    handler = (
        _check_name(handler_name, "handler_name", _("项目经办人姓名")),
        _check_mobile(handler_mobile, "handler_mobile"),
    )
    _check_name(legal_representative, "legal_representative", _("法定代表人"))
    probe = User(username=username, email=email, full_name=handler[0])
    try:
        validate_password(password, probe)
    except ValidationError as exc:
        raise DomainError("；".join(exc.messages), field="password") from exc
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
    if role not in ContactRole.values:
        raise DomainError(_("联系人角色无效。"), field="role")
    if not (
        actor.has_role(Role.CENTER_ADMIN)
        or (actor.has_role(Role.APPLICANT) and actor.enterprise_id == enterprise.pk)
    ):
        raise PermissionDenied(_("只有本单位或中心工作人员可以变更联系人。"))
    person = _check_name(name, "name", _("姓名"))
    phone = _check_mobile(mobile, "mobile")
    start = since or timezone.localdate()
    with transaction.atomic():
        Enterprise.objects.select_for_update().get(pk=enterprise.pk)
        current = EnterpriseContact.objects.filter(enterprise=enterprise, role=role, is_current=True).first()
        if current is not None:
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
            email=email.strip(),
            since=start,
            recorded_by=actor,
        )
        audit_record(
            actor=actor,
            action="enterprise.contact_change",
            obj=enterprise,
            before={"role": role, "name": current.name if current else None},
            after={"role": role, "name": person, "since": start},
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
