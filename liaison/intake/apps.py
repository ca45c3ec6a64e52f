from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    name = "liaison.intake"
    label = "intake"
    verbose_name = _("委托受理与派任")

    def ready(self) -> None:
        # An officer still serving projects cannot be suspended before each is reassigned.
        from liaison.intake.officer_blockers import register  # noqa: PLC0415

        register()
        # What waits on the centre's review and on the enterprise (the 待办 registry).
        from liaison.intake import todos  # noqa: PLC0415

        todos.register()
