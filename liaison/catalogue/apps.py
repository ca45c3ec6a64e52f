from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "liaison.catalogue"
    label = "catalogue"
    verbose_name = _("事项目录与指导员")
