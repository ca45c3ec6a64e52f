from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinationConfig(AppConfig):
    name = "liaison.coordination"
    verbose_name = _("难点问题协调")

    def ready(self) -> None:
        from liaison.coordination import deadline_kinds  # noqa: F401, PLC0415 - declares the kinds of deadline
