from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClosureConfig(AppConfig):
    name = "liaison.closure"
    verbose_name = _("办结、终止与资料移交")

    def ready(self) -> None:
        from liaison.closure import deadline_kinds  # noqa: F401, PLC0415 - declares the kinds of deadline

        # The centre may replace the handover list, completion and termination templates (intake's registry).
        from liaison.closure.documents.context import register_closure_templates  # noqa: PLC0415

        register_closure_templates()

        from liaison.closure.receivers import connect  # noqa: PLC0415 - tracking's item events
        from liaison.closure.todos import register_closure_todos  # noqa: PLC0415

        connect()
        register_closure_todos()
