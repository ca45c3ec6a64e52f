from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficersConfig(AppConfig):
    name = "liaison.officers"
    label = "officers"
    verbose_name = _("联络官")

    def ready(self) -> None:
        from liaison.audit.actions import register_action_labels  # noqa: PLC0415 - needs the app registry
        from liaison.officers import workflows  # noqa: F401, PLC0415 - registers the status graph

        register_action_labels(
            {
                "officer.register": _("登记联络官"),
                "officer.update": _("修改联络官登记信息"),
                "officer.suspend": _("暂停联络官派任"),
                "officer.reinstate": _("恢复联络官派任"),
                "officer.export": _("导出联络官登记表"),
                "officer_record.add": _("添加联络官服务记录"),
            }
        )
