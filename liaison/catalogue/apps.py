from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "liaison.catalogue"
    label = "catalogue"
    verbose_name = _("事项目录与指导员")

    def ready(self) -> None:
        # Guide changes waiting on the centre or a department (the 待办 registry).
        from liaison.catalogue import todos  # noqa: PLC0415

        todos.register()
