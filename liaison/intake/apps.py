from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    name = "liaison.intake"
    label = "intake"
    verbose_name = _("委托受理与派任")
