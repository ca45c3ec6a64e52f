from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "liaison.web"
    label = "web"
    verbose_name = _("门户与布局")

    def ready(self) -> None:
        from liaison.audit.actions import (  # noqa: PLC0415 - needs the app registry
            register_action_labels,
            register_entity_labels,
            register_extra_labels,
        )

        register_action_labels({"backup.create": _("创建备份"), "backup.restore": _("从备份恢复")})
        register_entity_labels({"backup": _("备份")})
        register_extra_labels(
            {
                "archive_sha256": _("备份文件SHA-256"),
                "created_at": _("备份时间"),
                "vendor": _("数据库类型"),
                "file_count": _("上传文件数"),
                "replaced_head": _("被替换的审计链头"),
            }
        )
