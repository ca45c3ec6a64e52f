from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "liaison.complaints"
    label = "complaints"
    verbose_name = _("投诉督查")

    def ready(self) -> None:
        from liaison.complaints import deadline_kinds, todos  # noqa: F401, PLC0415 - declarations
