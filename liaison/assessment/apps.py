from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentConfig(AppConfig):
    name = "liaison.assessment"
    label = "assessment"
    verbose_name = _("考核")

    def ready(self) -> None:
        from liaison.assessment import indicators, workflows  # noqa: F401, PLC0415 - declarations
