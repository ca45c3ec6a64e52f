from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentConfig(AppConfig):
    name = "liaison.assessment"
    label = "assessment"
    verbose_name = _("考核")

    def ready(self) -> None:
        from liaison.assessment import indicators, workflows  # noqa: F401, PLC0415 - declarations
        from liaison.assessment.record_panel import officer_assessment_panel  # noqa: PLC0415
        from liaison.officers.record_panels import register_record_panel  # noqa: PLC0415

        register_record_panel("assessment", officer_assessment_panel)
