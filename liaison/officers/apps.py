from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficersConfig(AppConfig):
    name = "liaison.officers"
    label = "officers"
    verbose_name = _("联络官")
