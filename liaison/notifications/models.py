from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """An in-app message to one user; its email copy is sent once by the background worker, by itself or
    inside a digest (one email listing many notifications, e.g. a run's deadline reminders)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("类型"), max_length=60)
    event_key = models.CharField(_("事件键"), max_length=120)
    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("内容"), blank=True)
    url = models.CharField(_("链接"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("已读时间"), null=True, blank=True)
    email_sent_at = models.DateTimeField(_("邮件发送时间"), null=True, blank=True)
    email_attempts = models.PositiveSmallIntegerField(default=0)
    email_error = models.CharField(max_length=300, blank=True)
    # When the email's latest task was queued to run (a delayed retry: when it falls due) and its id: null
    # while no enqueue has been recorded, e.g. the process died between the commit and the enqueue. The
    # recovery sweep (services/sweep.py) re-enqueues from these two.
    email_queued_at = models.DateTimeField(null=True, blank=True)
    email_task_id = models.CharField(max_length=64, blank=True)
    # False for an email-only digest: the bell and the list show its items, not the digest itself.
    in_app = models.BooleanField(_("站内显示"), default=True)
    # Set on a notification whose email copy goes out inside that digest (it gets no email of its own).
    digest = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="items",
        verbose_name=_("摘要邮件"),
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("通知")
        verbose_name_plural = _("通知")
        constraints = [
            # One event notifies one person once, however often the service is retried.
            models.UniqueConstraint(fields=["recipient", "event_key"], name="uniq_notification_per_event"),
        ]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            # The recovery sweep reads only the unsent emails.
            models.Index(
                fields=["email_queued_at"],
                condition=models.Q(email_sent_at__isnull=True),
                name="notification_email_unsent",
            ),
        ]

    def __str__(self) -> str:
        return self.title
