from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinationConfig(AppConfig):
    name = "liaison.coordination"
    verbose_name = _("难点问题协调")
