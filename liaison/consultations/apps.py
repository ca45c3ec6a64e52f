from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "liaison.consultations"
    verbose_name = _("咨询与意见回复")

    def ready(self) -> None:
        # Declares the kind of deadline; re-routes open consultations when an item's guide changes.
        from liaison.consultations import deadline_kinds, receivers  # noqa: F401, PLC0415

        # The centre may replace the Attachment 3 template (intake's template registry).
        from liaison.consultations.documents.context import register_opinion_reply_template  # noqa: PLC0415

        register_opinion_reply_template()
        # What waits on a guide's reply (the 待办 registry).
        from liaison.consultations import todos  # noqa: PLC0415

        todos.register()
