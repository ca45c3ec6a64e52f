from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicityConfig(AppConfig):
    name = "liaison.publicity"
    label = "publicity"
    verbose_name = _("宣传与咨询")

    def ready(self) -> None:
        from django.db.models.signals import post_save  # noqa: PLC0415

        from liaison.directory.models import RoleMembership  # noqa: PLC0415 - needs the app registry
        from liaison.publicity import deadline_kinds, todos  # noqa: F401, PLC0415 - declarations
        from liaison.publicity.editors import editor_on_role_granted  # noqa: PLC0415

        post_save.connect(editor_on_role_granted, sender=RoleMembership, dispatch_uid="publicity.editor")
