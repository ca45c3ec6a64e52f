from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "liaison.web"
    label = "web"
    verbose_name = _("门户与布局")

    def ready(self) -> None:
        from liaison.audit.actions import register_action_labels, register_entity_labels  # noqa: PLC0415

        register_action_labels({"backup.create": _("创建备份"), "backup.restore": _("从备份恢复")})
        register_entity_labels({"backup": _("备份")})
