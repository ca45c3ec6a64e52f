"""The dashboard of the three administrators (三员分立): figures of their own area, never business figures."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.models import AuditEvent, PersonalDataView
from liaison.directory.models import ApiToken, User
from liaison.directory.roles import Role
from liaison.directory.selectors.security import lockout_list


def _day_start() -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(timezone.localdate(), dt.time.min))


def admin_figures(*, user: Any) -> list[dict[str, Any]]:
    """(label, figure, link) for the administrator roles `user` holds; empty for everybody else."""
    figures: list[dict[str, Any]] = []
    if user.has_role(Role.SYSTEM_ADMIN):
        accounts = reverse("directory:account_list")
        figures += [
            {
                "label": _("启用的账号"),
                "value": User.objects.filter(is_active=True).count(),
                "url": f"{accounts}?active=1",
            },
            {
                "label": _("停用的账号"),
                "value": User.objects.filter(is_active=False).count(),
                "url": f"{accounts}?active=0",
            },
        ]
    if user.has_role(Role.SECURITY_ADMIN):
        now = timezone.now()
        active_tokens = ApiToken.objects.filter(revoked_at__isnull=True).filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=now)
        )
        figures += [
            {
                "label": _("当前锁定的账号"),
                "value": len(lockout_list(user=user)),
                "url": reverse("directory:lockouts"),
            },
            {
                "label": _("有效的API令牌"),
                "value": active_tokens.count(),
                "url": reverse("directory:tokens") + "?state=active",
            },
            {
                "label": _("今日个人信息查看"),
                "value": PersonalDataView.objects.filter(at__gte=_day_start()).count(),
                "url": reverse("audit:personal_data_views") + f"?day={timezone.localdate().isoformat()}",
            },
        ]
    if user.has_role(Role.AUDIT_ADMIN):
        events = reverse("audit:event_list")
        today = timezone.localdate().isoformat()
        figures += [
            {"label": _("审计事件总数"), "value": AuditEvent.objects.count(), "url": events},
            {
                "label": _("今日审计事件"),
                "value": AuditEvent.objects.filter(occurred_at__gte=_day_start()).count(),
                "url": f"{events}?date_from={today}&date_to={today}",
            },
            {
                "label": _("今日登录失败"),
                "value": AuditEvent.objects.filter(
                    action="auth.login_failed", occurred_at__gte=_day_start()
                ).count(),
                "url": f"{events}?action=auth.login_failed&date_from={today}&date_to={today}",
            },
        ]
    return figures
