from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "liaison.directory"
    label = "directory"
    verbose_name = _("机构与人员")

    def ready(self) -> None:
        from liaison.audit.actions import (  # noqa: PLC0415 - needs the app registry
            register_action_labels,
            register_extra_labels,
        )

        register_action_labels(
            {
                "auth.login": _("登录"),
                "auth.login_failed": _("登录失败"),
                "auth.login_refused": _("拒绝登录"),
                "auth.logout": _("退出登录"),
                "auth.session_expired": _("会话超时退出"),
                "auth.second_factor": _("双因素认证成功"),
                "auth.second_factor_failed": _("双因素认证失败"),
                "auth.second_factor_refused": _("拒绝双因素认证"),
                "auth.second_factor_enrolled": _("绑定身份验证器"),
                "auth.second_factor_reset": _("重置双因素认证"),
                "auth.recovery_code_used": _("使用恢复码"),
                "auth.second_factor_replaced": _("更换身份验证器"),
                "auth.recovery_codes_regenerated": _("重新生成恢复码"),
            }
        )
        register_extra_labels(
            {
                "username": _("用户名"),
                "limit": _("触发的限制"),
                "address_limit_reached": _("地址失败次数已超限"),
            }
        )
