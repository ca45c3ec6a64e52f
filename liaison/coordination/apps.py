from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinationConfig(AppConfig):
    name = "liaison.coordination"
    verbose_name = _("难点问题协调")

    def ready(self) -> None:
        # Declares the kinds of deadline; difficulties and actions waiting on a user (the 待办 registry).
        from liaison.coordination import deadline_kinds, todos  # noqa: F401, PLC0415

        todos.register()
