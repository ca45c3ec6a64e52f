from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "liaison.notifications"
    label = "notifications"
    verbose_name = _("消息通知")

    def ready(self) -> None:
        from liaison.core.signals import export_job_finished  # noqa: PLC0415 - needs the app registry
        from liaison.notifications.receivers import export_finished_notify  # noqa: PLC0415

        export_job_finished.connect(export_finished_notify, dispatch_uid="notifications.export_finished")
