from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupervisionConfig(AppConfig):
    name = "liaison.supervision"
    label = "supervision"
    verbose_name = _("监督检查")

    def ready(self) -> None:
        from liaison.supervision import deadline_kinds, todos, workflows  # noqa: F401, PLC0415 - declarations
