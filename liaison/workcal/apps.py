from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkcalConfig(AppConfig):
    name = "liaison.workcal"
    label = "workcal"
    verbose_name = _("工作日历")

    def ready(self) -> None:
        from liaison.audit.actions import register_action_labels  # noqa: PLC0415 - needs the app registry

        register_action_labels(
            {
                "calendar_override.set": _("设置节假日调整"),
                "calendar_override.delete": _("删除节假日调整"),
                "calendar_year.publish": _("标记年度节假日已录入"),
                "calendar_year.import": _("录入年度节假日安排"),
            }
        )
