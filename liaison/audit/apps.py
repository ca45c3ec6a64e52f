from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "liaison.audit"
    label = "audit"
    verbose_name = _("审计日志")

    def ready(self) -> None:
        from liaison.audit.actions import (  # noqa: PLC0415 - needs the app registry
            register_action_labels,
            register_extra_labels,
        )
        from liaison.audit.receivers import (  # noqa: PLC0415
            export_personal_data_log,
            export_requested_record,
        )
        from liaison.core.signals import export_job_finished, export_job_requested  # noqa: PLC0415

        register_action_labels(
            {
                "access.refused": _("拒绝访问"),
                "access.refused_limited": _("拒绝访问（超出每分钟记录上限，其后只计数）"),
                "export.requested": _("申请后台导出"),
            }
        )
        register_extra_labels({"http_status": _("响应状态"), "url_arguments": _("访问的对象")})
        export_job_finished.connect(export_personal_data_log, dispatch_uid="audit.export_personal_data")
        export_job_requested.connect(export_requested_record, dispatch_uid="audit.export_requested")
