from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrackingConfig(AppConfig):
    name = "liaison.tracking"
    label = "tracking"
    verbose_name = _("服务方案与审批跟踪")

    def ready(self) -> None:
        from liaison.tracking import deadline_kinds  # noqa: F401, PLC0415 - declares the kinds of deadline

        # The planned service period on the assignment order (intake's template registry).
        from liaison.tracking.documents import register_document_parts  # noqa: PLC0415

        register_document_parts()
        # Items waiting on an officer or a guide, the enterprise's open to-dos (the 待办 registry).
        from liaison.tracking import todos  # noqa: PLC0415

        todos.register()
        # An officer's tallies follow the project when intake changes its team.
        from liaison.intake.signals import assignment_team_changed, project_registered  # noqa: PLC0415
        from liaison.tracking.services.tallies import on_project_registered, on_team_changed  # noqa: PLC0415

        assignment_team_changed.connect(on_team_changed, dispatch_uid="tracking-tallies-team")
        project_registered.connect(on_project_registered, dispatch_uid="tracking-tallies-registered")
