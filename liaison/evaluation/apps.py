from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "liaison.evaluation"
    label = "evaluation"
    verbose_name = _("好差评与回访")

    def ready(self) -> None:
        from liaison.closure.signals import service_ended  # noqa: PLC0415 - needs the app registry
        from liaison.evaluation import deadline_kinds, todos  # noqa: F401, PLC0415 - declarations
        from liaison.evaluation.record_panel import officer_evaluations_panel  # noqa: PLC0415
        from liaison.evaluation.services.invitations import (  # noqa: PLC0415
            invite_on_item_finished,
            invite_on_service_ended,
        )
        from liaison.officers.record_panels import register_record_panel  # noqa: PLC0415
        from liaison.tracking.signals import item_finished  # noqa: PLC0415

        register_record_panel("evaluation", officer_evaluations_panel)
        service_ended.connect(invite_on_service_ended, dispatch_uid="evaluation.service_ended")
        item_finished.connect(invite_on_item_finished, dispatch_uid="evaluation.item_finished")
