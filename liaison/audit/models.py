from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(RuntimeError):
    """Audit events are never updated or deleted by the application."""


REFUSED_ACCESS = "access.refused"
REFUSED_ACCESS_LIMITED = "access.refused_limited"  # the per-minute bound reached (services/refusals.py)


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("audit events are append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("audit events are append-only")

    def changes(self) -> AuditEventQuerySet:
        """The events that record something done, without the refused accesses (`access.refused`, written
        by the audit middleware for every 403/404, and the note that a flood of them is only counted now):
        "a refusal saves nothing" is checked with these."""
        return self.exclude(action__in=[REFUSED_ACCESS, REFUSED_ACCESS_LIMITED])


class AuditEvent(models.Model):
    """One change to a domain record. Each event carries the hash of the previous one."""

    seq = models.BigIntegerField(_("序号"), unique=True)
    occurred_at = models.DateTimeField(_("时间"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("操作人"), on_delete=models.PROTECT, null=True, blank=True
    )
    actor_name = models.CharField(_("操作人姓名"), max_length=80, blank=True)
    acting_role = models.CharField(_("操作角色"), max_length=32, blank=True)
    source = models.CharField(_("来源"), max_length=16, blank=True)
    object_type = models.CharField(_("对象类型"), max_length=60, db_index=True)
    object_id = models.CharField(_("对象编号"), max_length=64, db_index=True)
    object_repr = models.CharField(_("对象"), max_length=200, blank=True)
    action = models.CharField(_("操作"), max_length=60, db_index=True)
    summary = models.CharField(_("摘要"), max_length=300, blank=True)
    changes = models.JSONField(_("变更内容"), default=dict, blank=True)
    ip = models.GenericIPAddressField(_("来源IP"), null=True, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-seq"]
        verbose_name = _("审计事件")
        verbose_name_plural = _("审计事件")
        indexes = [models.Index(fields=["object_type", "object_id", "seq"])]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.object_type}:{self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("audit events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("audit events are append-only")


class AuditChainHead(models.Model):
    """A single row locked while an event is appended, so the chain stays linear under concurrency."""

    last_seq = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)

    class Meta:
        verbose_name = _("审计链头")

    def __str__(self) -> str:
        return f"#{self.last_seq}"


class PersonalDataView(models.Model):
    """One request that showed personal data unmasked to someone other than its owner."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    path = models.CharField(max_length=300)
    method = models.CharField(max_length=10)
    ip = models.GenericIPAddressField(null=True, blank=True)
    acting_role = models.CharField(max_length=32, blank=True)
    count = models.PositiveIntegerField()
    subjects = models.JSONField(default=list)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.user_id} {self.path} ({self.count})"


class RefusalTally(models.Model):
    """Refused accesses per user, client address and minute, outside the chain (middleware.py): the first
    `AUDIT_REFUSALS_PER_MINUTE` of a minute are also chained events, the rest are only counted here, so a
    flood of 404s does not queue on the chain head's lock and its size is still on record."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    ip = models.CharField(max_length=45, blank=True)
    minute = models.DateTimeField()
    refused = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-minute", "-id"]
        constraints = [models.UniqueConstraint(fields=["user", "ip", "minute"], name="refusal_tally_once")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.ip} {self.minute:%Y-%m-%d %H:%M}: {self.refused}"
