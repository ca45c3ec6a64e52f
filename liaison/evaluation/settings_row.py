"""The centre's evaluation settings row (created with the defaults on first use)."""

from liaison.evaluation.models import EvaluationSettings


def evaluation_settings() -> EvaluationSettings:
    row = EvaluationSettings.objects.order_by("pk").first()
    return row or EvaluationSettings.objects.create()
