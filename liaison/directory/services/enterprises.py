"""Registering enterprises (项目单位) under their unified social credit code."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record, snapshot
from liaison.core.codes import validate_uscc
from liaison.core.errors import DomainError
from liaison.directory.models import Enterprise

ENTERPRISE_FIELDS = ("name", "uscc", "address", "legal_representative")


def enterprise_create(
    *, actor: Any, name: str, uscc: str, address: str = "", legal_representative: str = ""
) -> Enterprise:
    """Create an enterprise after checking its code (GB 32100-2015) and that it is not registered yet."""
    name = (name or "").strip()
    if not name:
        raise DomainError(_("请填写单位名称。"), field="name")
    try:
        code = validate_uscc(uscc)
    except ValidationError as exc:
        raise DomainError(exc.messages[0], field="uscc") from exc
    with transaction.atomic():
        if Enterprise.objects.filter(uscc=code).exists():
            raise DomainError(_("统一社会信用代码 %(code)s 已登记。") % {"code": code}, field="uscc")
        enterprise = Enterprise.objects.create(
            name=name, uscc=code, address=address.strip(), legal_representative=legal_representative.strip()
        )
        audit_record(
            actor=actor,
            action="enterprise.create",
            obj=enterprise,
            after=snapshot(enterprise, ENTERPRISE_FIELDS),
            summary=_("登记项目单位 %(name)s") % {"name": name},
        )
    return enterprise
